package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caart.audit.control.ExceptedChecks;
import org.caart.audit.control.ExceptedChecks.RunKey;
import org.caart.audit.entity.AuditRun;
import org.caart.audit.entity.AuditStatus;
import org.caart.audit.entity.RunStatus;
import org.caart.audit.entity.Score;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.endpoint.entity.Endpoint;
import org.caart.platform.NotFoundException;

/**
 * One endpoint's audit history for its page: the host as enrolled, its score per policy over its completed runs, the
 * checks failing in its standing runs (with the start of their streak) and the audits it took part in.
 */
@Stateless
public class EndpointHistory {

    static final int TREND = 30;
    static final int AUDITS = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    ExceptedChecks exceptedChecks;

    /** The endpoint's run in one audit. */
    public record AuditLine(long auditId, String title, AuditStatus auditStatus, RunStatus runStatus,
            String policyName, OffsetDateTime createdAt, int passed, int failed, String scoreLabel) implements Serializable {
    }

    public record View(ZoneId zone, Endpoint endpoint, List<Dashboards.EndpointScore> scores, List<PolicyTrend> trends,
            List<Dashboards.FailingCheck> failing, List<AuditLine> audits, long auditCount) {
    }

    public View of(long companyId, long endpointId) {
        Membership member = access.require(companyId, Permission.VIEW);
        Endpoint endpoint = em.createQuery("SELECT e FROM Endpoint e WHERE e.id = :id AND e.company.id = :company",
                        Endpoint.class)
                .setParameter("id", endpointId).setParameter("company", companyId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Endpoint"));
        Standings standings = new Standings(em);
        List<Standings.Standing> standing = standings.ofEndpoint(endpointId, endpoint.getHostname());
        ExceptionsInForce inForce = exceptedChecks.inForce(companyId);
        Excepted excepted = inForce.exceptions().isEmpty() ? Excepted.NONE : exceptedChecks.of(inForce,
                standing.stream().map(r -> new RunKey(r.runId(), r.endpointId(), r.tags(), r.policyId())).toList());
        List<Dashboards.EndpointScore> scores = standing.stream()
                .map(r -> new Dashboards.EndpointScore(r.endpointId(), r.hostname(), r.policyId(), r.policyName(),
                        Score.percent(r.passed(), r.failed()),
                        Score.percent(r.passed(), r.failed(), excepted.count(r.runId())), excepted.count(r.runId()),
                        r.finishedAt(), r.auditId()))
                .toList();
        List<Dashboards.FailingCheck> failing = standings.failing(standing, 0,
                (int) Math.min(Integer.MAX_VALUE, Standings.failingCount(standing)), excepted);
        List<AuditRun> runs = em.createQuery("SELECT r FROM AuditRun r JOIN FETCH r.audit WHERE r.endpoint.id = :endpoint "
                        + "ORDER BY r.createdAt DESC, r.id", AuditRun.class)
                .setParameter("endpoint", endpointId).setMaxResults(AUDITS).getResultList();
        long count = em.createQuery("SELECT COUNT(r) FROM AuditRun r WHERE r.endpoint.id = :endpoint", Long.class)
                .setParameter("endpoint", endpointId).getSingleResult();
        List<AuditLine> audits = runs.stream().map(r -> new AuditLine(r.getAudit().getId(), r.getAudit().getTitle(),
                r.getAudit().getStatus(), r.getStatus(), r.getPolicyName(), r.getAudit().getCreatedAt(), r.getPassed(),
                r.getFailed(), r.scoreLabel())).toList();
        return new View(member.getCompany().zoneId(), endpoint, scores, trends(endpoint, inForce), failing, audits,
                count);
    }

    /** Per policy the endpoint's newest {@link #TREND} completed runs, one point each, oldest first. */
    private List<PolicyTrend> trends(Endpoint endpoint, ExceptionsInForce inForce) {
        long endpointId = endpoint.getId();
        List<Object[]> rows = em.createQuery("SELECT r.policyId, r.policyName, a.id, a.title, a.createdAt, r.passed, "
                        + "r.failed, r.id FROM AuditRun r JOIN r.audit a WHERE r.endpoint.id = :endpoint "
                        + "AND r.status = :completed ORDER BY r.finishedAt DESC, r.id", Object[].class)
                .setParameter("endpoint", endpointId).setParameter("completed", RunStatus.COMPLETED)
                .getResultList();
        Excepted excepted = inForce.exceptions().isEmpty() ? Excepted.NONE : exceptedChecks.of(inForce, rows.stream()
                .map(r -> new RunKey((String) r[7], endpointId, endpoint.tags(), (String) r[0])).toList());
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<PolicyTrend.Point>> points = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Double score = Score.percent(((Number) r[5]).longValue(), ((Number) r[6]).longValue());
            Double withExceptions = Score.percent(((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
                    excepted.count((String) r[7]));
            List<PolicyTrend.Point> policy = points.computeIfAbsent((String) r[0], k -> new ArrayList<>());
            names.putIfAbsent((String) r[0], (String) r[1]);
            if (score != null && policy.size() < TREND) {
                policy.add(0, new PolicyTrend.Point((Long) r[2], (String) r[3], (OffsetDateTime) r[4], score,
                        withExceptions));
            }
        }
        return points.entrySet().stream().filter(p -> !p.getValue().isEmpty())
                .map(p -> new PolicyTrend(p.getKey(), names.get(p.getKey()), p.getValue()))
                .sorted(Comparator.comparing(PolicyTrend::policyName)).toList();
    }
}
