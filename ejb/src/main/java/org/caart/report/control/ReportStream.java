package org.caart.report.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.caart.audit.boundary.ReportReads;
import org.caart.audit.boundary.ReportReads.ResultRow;
import org.caart.audit.boundary.ReportReads.RunHeader;
import org.caart.report.boundary.Download;
import org.caart.report.boundary.Report;
import org.caart.report.boundary.ReportFormat;
import org.caart.report.boundary.ReportLine;

/**
 * Writes a report in one format while its results are read page by page ({@link ReportReads#results}, outside any
 * transaction of its own): memory holds one page and the format's own state, whatever the number of results.
 */
public final class ReportStream implements Download.Body {

    static final int PAGE = 1000;

    private final ReportReads reads;
    private final Report report;
    private final ReportFormat format;
    private final String productVersion;

    public ReportStream(ReportReads reads, Report report, ReportFormat format, String productVersion) {
        this.reads = reads;
        this.report = report;
        this.format = format;
        this.productVersion = productVersion;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        ReportWriter writer = switch (format) {
            case CSV -> new CsvReport(out);
            case OCSF -> new OcsfReport(out, productVersion);
            case XCCDF -> new XccdfReport(out);
            case HTML -> new HtmlReport(out);
            case PDF -> new PdfReport(out);
        };
        if (writer instanceof XccdfReport xccdf) {
            each(new ReportWriter() {
                @Override
                public void begin(Report report) {
                }

                @Override
                public void line(ReportLine line) {
                    xccdf.rule(line);
                }

                @Override
                public void end() {
                }
            });
        }
        writer.begin(report);
        each(writer);
        writer.end();
    }

    /** Every line of every run, in order, with the run's start and end around its lines. */
    private void each(ReportWriter sink) throws IOException {
        for (RunHeader run : report.runs()) {
            sink.run(run);
            var grants = report.exceptionsOf(run.runId());
            long after = 0;
            while (true) {
                List<ResultRow> page = reads.results(report.companyId(), run.runId(), after, PAGE);
                for (ResultRow row : page) {
                    sink.line(new ReportLine(run, row, grants.get(row.checkId()), report.fixOf(run, row)));
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
            sink.endRun(run);
        }
    }
}
