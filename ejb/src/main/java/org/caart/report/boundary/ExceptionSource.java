package org.caart.report.boundary;

import java.util.Map;
import org.caart.audit.boundary.ReportReads.RunHeader;

/**
 * Where reports learn which exceptions are in force. The exceptions component provides the real source; until it is
 * wired, {@code report.control.NoExceptions} answers none (see docs/reports.md, "Exceptions").
 */
public interface ExceptionSource {

    /** The approved, unexpired, not reopened exceptions that cover the run's endpoint and policy, by check id. */
    Map<String, ExceptionGrant> inForce(long companyId, RunHeader run);
}
