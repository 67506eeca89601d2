package org.caart.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.caart.audit.boundary.ReportReads.RunHeader;
import org.caart.report.boundary.ExceptionGrant;
import org.caart.report.boundary.ExceptionSource;

/** No exceptions: the source reports use until the exceptions component provides its own (docs/reports.md). */
@ApplicationScoped
public class NoExceptions implements ExceptionSource {

    @Override
    public Map<String, ExceptionGrant> inForce(long companyId, RunHeader run) {
        return Map.of();
    }
}
