package org.caart.remediation.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caart.audit.entity.AuditRun;
import org.caart.audit.entity.CheckResult;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.endpoint.entity.Endpoint;
import org.caart.platform.InvalidInputException;
import org.caart.platform.NotFoundException;
import org.caart.remediation.boundary.RemediationRequest;

/**
 * Finds the failing check results a remediation asks for, within one company: an id of another company answers
 * exactly like an unknown one (404); a result that did not fail, or one of a revoked endpoint, is refused (400).
 */
@Dependent
public class FailingChecks {

    public static final int MAX_ITEMS = 2000;

    @PersistenceContext
    EntityManager em;

    /** A failing check on an endpoint, with the policy of its run. */
    public record Target(CheckResult result, Endpoint endpoint, String policyId) {
    }

    public List<Target> find(long companyId, RemediationRequest request) {
        List<CheckResult> results = new ArrayList<>(byIds(companyId, request.checkResultIds()));
        if (request.allFailing()) {
            results.addAll(allFailing(companyId, request.auditId()));
        }
        if (results.isEmpty()) {
            throw new InvalidInputException("checkResultIds", "Choose at least one failing check");
        }
        Map<String, AuditRun> runs = runs(results.stream().map(CheckResult::getRunId).collect(Collectors.toSet()));
        Map<String, Target> distinct = new LinkedHashMap<>();
        for (CheckResult result : results) {
            AuditRun run = runs.get(result.getRunId());
            if (run == null || run.getCompanyId() != companyId) {
                throw new NotFoundException("Check result");
            }
            refuse(result, run);
            distinct.putIfAbsent(run.getEndpoint().getId() + "\n" + run.getPolicyId() + "\n" + result.getCheckId(),
                    new Target(result, run.getEndpoint(), run.getPolicyId()));
        }
        if (distinct.size() > MAX_ITEMS) {
            throw new InvalidInputException("checkResultIds", "A remediation fixes at most " + MAX_ITEMS
                    + " checks; choose fewer");
        }
        return List.copyOf(distinct.values());
    }

    private static void refuse(CheckResult result, AuditRun run) {
        if (result.getStatus() != CheckStatus.FAILED) {
            throw new InvalidInputException("checkResultIds", "Check " + result.getCheckId() + " on "
                    + run.getEndpoint().getHostname() + " did not fail (" + result.getStatus()
                    + "); only failing checks can be fixed");
        }
        if (!run.getEndpoint().isActive()) {
            throw new InvalidInputException("checkResultIds", "Endpoint " + run.getEndpoint().getHostname()
                    + " is revoked; its checks cannot be fixed");
        }
    }

    private List<CheckResult> byIds(long companyId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("checkResultIds", "A check result id is missing");
        }
        Set<Long> wanted = new HashSet<>(ids);
        if (wanted.size() > MAX_ITEMS) {
            throw new InvalidInputException("checkResultIds", "A remediation fixes at most " + MAX_ITEMS
                    + " checks; choose fewer");
        }
        List<CheckResult> found = em.createQuery("SELECT c FROM CheckResult c LEFT JOIN FETCH c.text "
                        + "WHERE c.companyId = :company AND c.id IN :ids ORDER BY c.id", CheckResult.class)
                .setParameter("company", companyId).setParameter("ids", wanted).getResultList();
        if (found.size() != wanted.size()) {
            throw new NotFoundException("Check result");
        }
        return found;
    }

    private List<CheckResult> allFailing(long companyId, Long auditId) {
        if (auditId == null) {
            throw new InvalidInputException("auditId", "Name the audit whose failing checks to fix");
        }
        Long audits = em.createQuery("SELECT COUNT(a) FROM Audit a WHERE a.id = :id AND a.company.id = :company",
                        Long.class)
                .setParameter("id", auditId).setParameter("company", companyId).getSingleResult();
        if (audits == 0) {
            throw new NotFoundException("Audit");
        }
        return em.createQuery("SELECT c FROM CheckResult c LEFT JOIN FETCH c.text WHERE c.companyId = :company "
                        + "AND c.status = :failed "
                        + "AND c.runId IN (SELECT r.id FROM AuditRun r WHERE r.audit.id = :audit)"
                        + " ORDER BY c.checkId, c.id", CheckResult.class)
                .setParameter("company", companyId).setParameter("failed", CheckStatus.FAILED)
                .setParameter("audit", auditId).setMaxResults(MAX_ITEMS + 1).getResultList();
    }

    private Map<String, AuditRun> runs(Set<String> ids) {
        return em.createQuery("SELECT r FROM AuditRun r JOIN FETCH r.endpoint WHERE r.id IN :ids", AuditRun.class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(AuditRun::getId, Function.identity()));
    }
}
