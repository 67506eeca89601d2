package org.caart.report.boundary;

import java.util.List;
import java.util.Map;
import org.caart.audit.boundary.ReportReads.RunHeader;

/**
 * Where reports learn which exceptions are in force: {@code report.control.WaiverExceptions}, from the exceptions'
 * component (see docs/reports.md, "Exceptions").
 */
public interface ExceptionSource {

    /**
     * Per run id, per check id: the approved, unexpired exception that covers the run's failed result of that check
     * (for the observed value it was granted for). Runs without any are absent.
     */
    Map<String, Map<String, ExceptionGrant>> inForce(long companyId, List<RunHeader> runs);
}
