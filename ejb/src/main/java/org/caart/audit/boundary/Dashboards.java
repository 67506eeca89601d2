package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caart.audit.control.AuditProgress;
import org.caart.audit.entity.AuditRun;
import org.caart.audit.entity.RunStatus;
import org.caart.audit.entity.Score;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Permission;
import org.caart.contract.agent.v1.CheckStatus;

/**
 * The company dashboard (section 2.2.1.1, figure 20): latest audits with progress, score per endpoint and for the
 * company, the score's trend, and since when each failing check has been failing.
 */
@Stateless
public class Dashboards {

    static final int LATEST = 10;
    static final int TREND = 30;
    static final int STREAK_RUNS = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    AuditProgress progress;

    @Inject
    Clock clock;

    public record AuditLine(long id, String title, String status, OffsetDateTime createdAt, int planned,
            int received, int passed, int failed) {

        public Double score() {
            return Score.percent(passed, failed);
        }
    }

    public record EndpointScore(long endpointId, String hostname, Double score, OffsetDateTime at, long auditId) {
    }

    public record TrendPoint(long auditId, OffsetDateTime at, double score) {
    }

    public record FailingCheck(String hostname, String checkId, String title, String severity,
            OffsetDateTime failingSince, long sinceAuditId) {
    }

    public record Dashboard(List<AuditLine> latest, List<EndpointScore> endpoints, Double companyScore,
            List<TrendPoint> trend, List<FailingCheck> failing) {
    }

    public Dashboard of(long companyId) {
        access.require(companyId, Permission.VIEW);
        progress.failOverdueStarts(OffsetDateTime.now(clock));
        List<AuditLine> latest = latest(companyId);
        List<EndpointScore> endpoints = endpointScores(companyId);
        Double company = endpoints.stream().filter(e -> e.score() != null).mapToDouble(EndpointScore::score)
                .average().stream().boxed().findFirst().orElse(null);
        return new Dashboard(latest, endpoints, company, trend(companyId), failing(companyId));
    }

    private List<AuditLine> latest(long companyId) {
        List<Object[]> rows = em.createQuery("SELECT a.id, a.title, a.status, a.createdAt, "
                        + "SUM(r.planned), SUM(r.received), SUM(r.passed), SUM(r.failed) FROM AuditRun r JOIN r.audit a "
                        + "WHERE a.company.id = :company GROUP BY a.id, a.title, a.status, a.createdAt "
                        + "ORDER BY a.createdAt DESC, a.id DESC", Object[].class)
                .setParameter("company", companyId).setMaxResults(LATEST).getResultList();
        return rows.stream().map(r -> new AuditLine((Long) r[0], (String) r[1], r[2].toString(),
                (OffsetDateTime) r[3], num(r[4]), num(r[5]), num(r[6]), num(r[7]))).toList();
    }

    /** The newest ended run of each endpoint that has one. */
    private List<EndpointScore> endpointScores(long companyId) {
        List<AuditRun> runs = em.createQuery("SELECT r FROM AuditRun r JOIN FETCH r.endpoint e "
                        + "WHERE r.companyId = :company AND r.status IN :ended AND e.status = "
                        + "org.caart.endpoint.entity.EndpointStatus.ACTIVE ORDER BY r.finishedAt DESC", AuditRun.class)
                .setParameter("company", companyId)
                .setParameter("ended", List.of(RunStatus.COMPLETED, RunStatus.STOPPED))
                .setMaxResults(2000).getResultList();
        Map<Long, EndpointScore> newest = new LinkedHashMap<>();
        for (AuditRun run : runs) {
            newest.putIfAbsent(run.getEndpoint().getId(), new EndpointScore(run.getEndpoint().getId(),
                    run.getEndpoint().getHostname(), run.score(), run.getFinishedAt(), run.getAudit().getId()));
        }
        return newest.values().stream()
                .sorted(java.util.Comparator.comparing(EndpointScore::hostname)).toList();
    }

    private List<TrendPoint> trend(long companyId) {
        List<Object[]> rows = em.createQuery("SELECT a.id, a.createdAt, SUM(r.passed), SUM(r.failed) "
                        + "FROM AuditRun r JOIN r.audit a WHERE a.company.id = :company AND a.status IN :ended "
                        + "GROUP BY a.id, a.createdAt ORDER BY a.createdAt DESC", Object[].class)
                .setParameter("company", companyId)
                .setParameter("ended", List.of(org.caart.audit.entity.AuditStatus.COMPLETED,
                        org.caart.audit.entity.AuditStatus.STOPPED))
                .setMaxResults(TREND).getResultList();
        List<TrendPoint> points = new ArrayList<>();
        for (Object[] r : rows) {
            Double score = Score.percent(num(r[2]), num(r[3]));
            if (score != null) {
                points.add(0, new TrendPoint((Long) r[0], (OffsetDateTime) r[1], score));
            }
        }
        return points;
    }

    /**
     * For each check failing in an endpoint's newest ended run: the start of its current failing streak, walking
     * back through that endpoint's runs while the check kept failing.
     */
    private List<FailingCheck> failing(long companyId) {
        List<AuditRun> runs = em.createQuery("SELECT r FROM AuditRun r JOIN FETCH r.endpoint JOIN FETCH r.audit "
                        + "WHERE r.companyId = :company AND r.status IN :ended ORDER BY r.finishedAt DESC", AuditRun.class)
                .setParameter("company", companyId)
                .setParameter("ended", List.of(RunStatus.COMPLETED, RunStatus.STOPPED))
                .setMaxResults(500).getResultList();
        Map<Long, List<AuditRun>> byEndpoint = new LinkedHashMap<>();
        for (AuditRun run : runs) {
            List<AuditRun> list = byEndpoint.computeIfAbsent(run.getEndpoint().getId(), k -> new ArrayList<>());
            if (list.size() < STREAK_RUNS) {
                list.add(run);
            }
        }
        List<FailingCheck> failing = new ArrayList<>();
        for (List<AuditRun> endpointRuns : byEndpoint.values()) {
            Map<String, Map<String, Object[]>> statuses = statuses(endpointRuns);
            Map<String, Object[]> newest = statuses.getOrDefault(endpointRuns.get(0).getId(), Map.of());
            for (Map.Entry<String, Object[]> check : newest.entrySet()) {
                if (check.getValue()[0] != CheckStatus.FAILED) {
                    continue;
                }
                AuditRun since = endpointRuns.get(0);
                for (AuditRun older : endpointRuns) {
                    Object[] status = statuses.getOrDefault(older.getId(), Map.of()).get(check.getKey());
                    if (status == null || status[0] != CheckStatus.FAILED) {
                        break;
                    }
                    since = older;
                }
                failing.add(new FailingCheck(since.getEndpoint().getHostname(), check.getKey(),
                        (String) check.getValue()[1], check.getValue()[2] == null ? "" : check.getValue()[2].toString(),
                        since.getAudit().getCreatedAt(), since.getAudit().getId()));
            }
        }
        failing.sort(java.util.Comparator.comparing(FailingCheck::failingSince)
                .thenComparing(FailingCheck::hostname).thenComparing(FailingCheck::checkId));
        return failing.size() > 200 ? failing.subList(0, 200) : failing;
    }

    private Map<String, Map<String, Object[]>> statuses(List<AuditRun> runs) {
        List<Object[]> rows = em.createQuery("SELECT c.runId, c.checkId, c.status, c.title, c.severity "
                        + "FROM CheckResult c WHERE c.runId IN :runs", Object[].class)
                .setParameter("runs", runs.stream().map(AuditRun::getId).toList()).getResultList();
        Map<String, Map<String, Object[]>> byRun = new HashMap<>();
        for (Object[] r : rows) {
            byRun.computeIfAbsent((String) r[0], k -> new HashMap<>())
                    .put((String) r[1], new Object[] {r[2], r[3], r[4]});
        }
        return byRun;
    }

    private static int num(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
