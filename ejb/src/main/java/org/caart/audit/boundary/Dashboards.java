package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import org.caart.company.entity.Permission;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.endpoint.entity.EndpointStatus;

/**
 * The company dashboard (section 2.2.1.1, figure 20): latest audits with progress, the standing score per endpoint
 * and policy and for the company, the score's trend per policy, and since when each failing check has been
 * failing. Everything scored comes from completed runs only ({@link Score}): per endpoint and policy the newest
 * completed run stands until another run of that endpoint and policy completes; stopped, failed and running runs
 * are shown as such in the latest audits and never replace it. Each score is also given with the exceptions in force
 * (failed checks an approved exception covers count as passed); the trend's second line applies the exceptions in
 * force now to the past audits.
 */
@Stateless
public class Dashboards {

    static final int LATEST = 10;
    static final int TREND = 30;
    static final int STREAK_RUNS = 20;
    static final int HISTORY_RUNS = 2000;
    static final int FAILING_MAX = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    ExceptedChecks exceptedChecks;

    /** One of the latest audits: its progress, and its score only once it completed. */
    public record AuditLine(long id, String title, String status, OffsetDateTime createdAt, int planned,
            int received, int passed, int failed, Double score, Double scoreWithExceptions) {

        public String scoreLabel() {
            return Score.label(AuditStatus.valueOf(status), score);
        }

        public String scoreWithExceptionsLabel() {
            return Score.label(AuditStatus.valueOf(status), scoreWithExceptions);
        }
    }

    /** The standing run of an endpoint and policy: its newest completed run. */
    public record EndpointScore(long endpointId, String hostname, String policyId, String policyName, Double score,
            Double scoreWithExceptions, int excepted, OffsetDateTime at, long auditId) {
    }

    /** An audit's mean score of the policy's completed runs, raw and with the exceptions in force now. */
    public record TrendPoint(long auditId, OffsetDateTime at, double score, double scoreWithExceptions) {
    }

    /** The scores of one policy's completed runs, one point per audit, oldest first. */
    public record PolicyTrend(String policyId, String policyName, List<TrendPoint> points) {
    }

    /** A check failing in a standing run; {@code exceptionId}: the approved exception that excepts it, or null. */
    public record FailingCheck(String hostname, String policyName, String checkId, String title, String severity,
            OffsetDateTime failingSince, long sinceAuditId, Long exceptionId) {

        public boolean excepted() {
            return exceptionId != null;
        }
    }

    public record Dashboard(List<AuditLine> latest, List<EndpointScore> endpoints, Double companyScore,
            Double companyScoreWithExceptions, List<PolicyTrend> trends, List<FailingCheck> failing) {

        public long exceptedCount() {
            return failing.stream().filter(FailingCheck::excepted).count();
        }
    }

    public Dashboard of(long companyId) {
        access.require(companyId, Permission.VIEW);
        Map<String, List<AuditRun>> history = history(companyId);
        List<AuditRun> standing = history.values().stream().map(runs -> runs.get(0)).toList();
        Excepted excepted = exceptedChecks.ofRuns(companyId, standing);
        List<EndpointScore> endpoints = standing.stream()
                .map(r -> new EndpointScore(r.getEndpoint().getId(), r.getEndpoint().getHostname(), r.getPolicyId(),
                        r.getPolicyName(), r.score(), excepted.score(r), excepted.count(r.getId()),
                        r.getFinishedAt(), r.getAudit().getId()))
                .sorted(Comparator.comparing(EndpointScore::hostname).thenComparing(EndpointScore::policyName))
                .toList();
        Double company = Score.mean(endpoints.stream().map(EndpointScore::score).toList());
        Double companyWithExceptions = Score.mean(endpoints.stream().map(EndpointScore::scoreWithExceptions)
                .toList());
        return new Dashboard(latest(companyId), endpoints, company, companyWithExceptions, trends(companyId),
                failing(history, excepted));
    }

    private List<AuditLine> latest(long companyId) {
        List<Object[]> audits = em.createQuery("SELECT a.id, a.title, a.status, a.createdAt FROM Audit a "
                        + "WHERE a.company.id = :company ORDER BY a.createdAt DESC, a.id DESC", Object[].class)
                .setParameter("company", companyId).setMaxResults(LATEST).getResultList();
        if (audits.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Object[]>> runs = new HashMap<>();
        List<RunKey> keys = new ArrayList<>();
        for (Object[] r : em.createQuery("SELECT r.audit.id, r.status, r.planned, r.received, r.passed, r.failed, "
                        + "r.id, e.id, e.tags, r.policyId FROM AuditRun r JOIN r.endpoint e "
                        + "WHERE r.audit.id IN :audits", Object[].class)
                .setParameter("audits", audits.stream().map(a -> (Long) a[0]).toList()).getResultList()) {
            runs.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(r);
            keys.add(key(r, 6));
        }
        Excepted excepted = exceptedChecks.of(companyId, keys);
        List<AuditLine> lines = new ArrayList<>();
        for (Object[] a : audits) {
            List<Object[]> own = runs.getOrDefault((Long) a[0], List.of());
            lines.add(new AuditLine((Long) a[0], (String) a[1], a[2].toString(), (OffsetDateTime) a[3],
                    sum(own, 2), sum(own, 3), sum(own, 4), sum(own, 5),
                    Score.mean(own.stream().map(r -> Score.ofRun((RunStatus) r[1], num(r[4]), num(r[5]))).toList()),
                    Score.mean(own.stream().map(r -> Score.ofRun((RunStatus) r[1], num(r[4]), num(r[5]),
                            excepted.count((String) r[6]))).toList())));
        }
        return lines;
    }

    /**
     * The completed runs of the company's active endpoints, newest first, grouped by endpoint and policy (at most
     * {@link #STREAK_RUNS} each): the first of each group is the standing run.
     */
    private Map<String, List<AuditRun>> history(long companyId) {
        List<AuditRun> runs = em.createQuery("SELECT r FROM AuditRun r JOIN FETCH r.endpoint e JOIN FETCH r.audit "
                        + "WHERE r.companyId = :company AND r.status = :completed AND e.status = :active "
                        + "ORDER BY r.finishedAt DESC, r.id", AuditRun.class)
                .setParameter("company", companyId).setParameter("completed", RunStatus.COMPLETED)
                .setParameter("active", EndpointStatus.ACTIVE).setMaxResults(HISTORY_RUNS).getResultList();
        Map<String, List<AuditRun>> byEndpointAndPolicy = new LinkedHashMap<>();
        for (AuditRun run : runs) {
            List<AuditRun> list = byEndpointAndPolicy.computeIfAbsent(
                    run.getEndpoint().getId() + "\n" + run.getPolicyId(), k -> new ArrayList<>());
            if (list.size() < STREAK_RUNS) {
                list.add(run);
            }
        }
        return byEndpointAndPolicy;
    }

    private List<PolicyTrend> trends(long companyId) {
        List<Object[]> rows = em.createQuery("SELECT a.id, a.createdAt, r.policyId, r.policyName, r.passed, r.failed, "
                        + "r.id, e.id, e.tags, r.policyId "
                        + "FROM AuditRun r JOIN r.audit a JOIN r.endpoint e WHERE r.companyId = :company "
                        + "AND r.status = :completed ORDER BY a.createdAt DESC, a.id DESC", Object[].class)
                .setParameter("company", companyId).setParameter("completed", RunStatus.COMPLETED)
                .setMaxResults(HISTORY_RUNS).getResultList();
        Excepted excepted = exceptedChecks.of(companyId, rows.stream().map(r -> key(r, 6)).toList());
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, LinkedHashMap<Long, List<Double[]>>> scores = new LinkedHashMap<>();
        Map<Long, OffsetDateTime> dates = new HashMap<>();
        for (Object[] r : rows) {
            String policy = (String) r[2];
            names.putIfAbsent(policy, (String) r[3]);
            LinkedHashMap<Long, List<Double[]>> audits = scores.computeIfAbsent(policy, k -> new LinkedHashMap<>());
            if (audits.size() < TREND || audits.containsKey((Long) r[0])) {
                audits.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new Double[] {
                        Score.percent(num(r[4]), num(r[5])),
                        Score.percent(num(r[4]), num(r[5]), excepted.count((String) r[6]))});
                dates.put((Long) r[0], (OffsetDateTime) r[1]);
            }
        }
        List<PolicyTrend> trends = new ArrayList<>();
        for (Map.Entry<String, LinkedHashMap<Long, List<Double[]>>> policy : scores.entrySet()) {
            List<TrendPoint> points = new ArrayList<>();
            policy.getValue().forEach((audit, runScores) -> {
                Double score = Score.mean(runScores.stream().map(s -> s[0]).toList());
                Double withExceptions = Score.mean(runScores.stream().map(s -> s[1]).toList());
                if (score != null) {
                    points.add(0, new TrendPoint(audit, dates.get(audit), score, withExceptions));
                }
            });
            if (!points.isEmpty()) {
                trends.add(new PolicyTrend(policy.getKey(), names.get(policy.getKey()), points));
            }
        }
        trends.sort(Comparator.comparing(PolicyTrend::policyName));
        return trends;
    }

    /**
     * For each check failing in a standing run: the start of its current failing streak, walking back through the
     * completed runs of that endpoint and policy while the check kept failing (a stopped run in between neither
     * ends nor restarts a streak).
     */
    private List<FailingCheck> failing(Map<String, List<AuditRun>> history, Excepted excepted) {
        if (history.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object[]>> failedByRun = failedChecks(history.values().stream()
                .flatMap(List::stream).map(AuditRun::getId).toList());
        List<FailingCheck> failing = new ArrayList<>();
        for (List<AuditRun> runs : history.values()) {
            AuditRun standing = runs.get(0);
            for (Map.Entry<String, Object[]> check : failedByRun.getOrDefault(standing.getId(), Map.of()).entrySet()) {
                AuditRun since = standing;
                for (AuditRun older : runs) {
                    if (!failedByRun.getOrDefault(older.getId(), Map.of()).containsKey(check.getKey())) {
                        break;
                    }
                    since = older;
                }
                failing.add(new FailingCheck(standing.getEndpoint().getHostname(), standing.getPolicyName(),
                        check.getKey(), (String) check.getValue()[0],
                        check.getValue()[1] == null ? "" : check.getValue()[1].toString(),
                        since.getAudit().getCreatedAt(), since.getAudit().getId(),
                        excepted.exceptionOf((Long) check.getValue()[2])));
            }
        }
        failing.sort(Comparator.comparing(FailingCheck::failingSince).thenComparing(FailingCheck::hostname)
                .thenComparing(FailingCheck::checkId));
        return failing.size() > FAILING_MAX ? failing.subList(0, FAILING_MAX) : failing;
    }

    /** Per run: its failed checks' ids with their title and severity. */
    private Map<String, Map<String, Object[]>> failedChecks(List<String> runIds) {
        Map<String, Map<String, Object[]>> byRun = new HashMap<>();
        for (int from = 0; from < runIds.size(); from += 1000) {
            List<String> part = runIds.subList(from, Math.min(runIds.size(), from + 1000));
            for (Object[] r : em.createQuery("SELECT c.runId, c.checkId, c.title, c.severity, c.id FROM CheckResult c "
                            + "WHERE c.runId IN :runs AND c.status = :failed", Object[].class)
                    .setParameter("runs", part).setParameter("failed", CheckStatus.FAILED).getResultList()) {
                byRun.computeIfAbsent((String) r[0], k -> new HashMap<>())
                        .put((String) r[1], new Object[] {r[2], r[3], r[4]});
            }
        }
        return byRun;
    }

    /** A run's key for exceptions from a row: run id, endpoint id, endpoint tags, policy id from {@code at}. */
    private static RunKey key(Object[] row, int at) {
        String tags = (String) row[at + 2];
        return new RunKey((String) row[at], (Long) row[at + 1],
                tags == null ? List.of() : java.util.Arrays.asList(tags.split(",")), (String) row[at + 3]);
    }

    private static int sum(List<Object[]> rows, int column) {
        return rows.stream().mapToInt(r -> num(r[column])).sum();
    }

    private static int num(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
