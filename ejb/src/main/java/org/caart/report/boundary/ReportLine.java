package org.caart.report.boundary;

import org.caart.audit.boundary.ReportReads.ResultRow;
import org.caart.audit.boundary.ReportReads.RunHeader;
import org.caart.contract.agent.v1.CheckStatus;

/** One result in a report: the run it belongs to, the result, and the exception that covers its check, if any. */
public record ReportLine(RunHeader run, ResultRow result, ExceptionGrant exception) {

    public static final String EXCEPTED = "EXCEPTED";

    /** A failed check under an exception in force. */
    public boolean excepted() {
        return exception != null && result.status() == CheckStatus.FAILED;
    }

    /** The result as reports show it: EXCEPTED for an excepted failure, else the agent's status. */
    public String status() {
        return excepted() ? EXCEPTED : result.status().name();
    }
}
