package org.caart.report.control;

import java.io.IOException;
import org.caart.audit.boundary.ReportReads.RunHeader;
import org.caart.report.boundary.Report;
import org.caart.report.boundary.ReportLine;

/** One report format, written as the results stream past: the report, then per run its lines. */
public interface ReportWriter {

    void begin(Report report) throws IOException;

    default void run(RunHeader run) throws IOException {
    }

    void line(ReportLine line) throws IOException;

    default void endRun(RunHeader run) throws IOException {
    }

    /** Ends the document and flushes; the stream stays open. */
    void end() throws IOException;
}
