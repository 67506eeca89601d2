package org.caart.report.boundary;

import org.caart.audit.boundary.ReportReads.ResultRow;
import org.caart.audit.boundary.ReportReads.RunHeader;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.remediation.boundary.VerifiedFix;

/**
 * One result in a report: the run it belongs to, the result, the exception that covers its check, if any, and the
 * remediation fix that made it pass, if any ({@link Report#fixOf}).
 */
public record ReportLine(RunHeader run, ResultRow result, ExceptionGrant exception, VerifiedFix fix) {

    public static final String EXCEPTED = "EXCEPTED";
    public static final String FIXED = "FIXED";

    /** A passed check whose pass a fix remediation applied and verified brought. */
    public boolean fixed() {
        return fix != null && result.status() == CheckStatus.PASSED;
    }

    /** A failed check under an exception in force. */
    public boolean excepted() {
        return exception != null && result.status() == CheckStatus.FAILED;
    }

    /** The result as reports show it: EXCEPTED for an excepted failure, FIXED for a fixed pass, else the agent's. */
    public String status() {
        return excepted() ? EXCEPTED : fixed() ? FIXED : result.status().name();
    }
}
