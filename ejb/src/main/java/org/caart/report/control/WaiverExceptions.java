package org.caart.report.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caart.audit.boundary.ReportReads;
import org.caart.audit.boundary.ReportReads.RunHeader;
import org.caart.report.boundary.ExceptionGrant;
import org.caart.report.boundary.ExceptionSource;
import org.caart.waiver.boundary.EffectiveException;
import org.caart.waiver.boundary.Waivers;

/**
 * The exceptions in reports: which failed results an exception covers comes from audit (the same rule as the
 * dashboard's and the audit page's scores with exceptions), who granted it, why and until when from the exceptions'
 * component. Nothing more is read when no exception covers any result.
 */
@Dependent
public class WaiverExceptions implements ExceptionSource {

    @Inject
    ReportReads reads;

    @Inject
    Waivers waivers;

    @Override
    public Map<String, Map<String, ExceptionGrant>> inForce(long companyId, List<RunHeader> runs) {
        Map<String, Map<String, Long>> covered = reads.exceptedChecks(companyId, runs);
        if (covered.isEmpty()) {
            return Map.of();
        }
        Map<Long, EffectiveException> details = waivers.effective(companyId).stream()
                .collect(Collectors.toMap(EffectiveException::id, Function.identity(), (a, b) -> a));
        Map<String, Map<String, ExceptionGrant>> grants = new HashMap<>();
        covered.forEach((run, checks) -> checks.forEach((check, id) -> {
            EffectiveException e = details.get(id);
            if (e != null) {
                grants.computeIfAbsent(run, k -> new HashMap<>()).put(check, new ExceptionGrant(check, e.reason(),
                        e.approvedBy(), e.approvedAt(), e.expiresAt(), e.ticket()));
            }
        }));
        return grants;
    }
}
