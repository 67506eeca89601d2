package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caart.audit.control.ExceptedChecks;
import org.caart.audit.control.ExceptedChecks.RunKey;
import org.caart.audit.entity.AuditStatus;
import org.caart.audit.entity.RunStatus;
import org.caart.audit.entity.Score;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;

/**
 * The company dashboard (section 2.2.1.1, figure 20): latest audits with progress, the standing score per endpoint
 * and policy and for the company, the score's trend per policy, and since when each failing check has been
 * failing. Everything scored comes from completed runs only ({@link Score}): per endpoint and policy the newest
 * completed run stands until another run of that endpoint and policy completes; stopped, failed and running runs
 * are shown as such in the latest audits and never replace it. Each score is also given with the exceptions in force
 * (failed checks an approved exception covers count as passed); the trend applies the exceptions in force now to the
 * past audits. With no exception in force the scores with exceptions are the raw ones and nothing more is read.
 */
@Stateless
public class Dashboards {

    static final int LATEST = 10;
    static final int TREND = 30;

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
            Double scoreWithExceptions, int excepted, OffsetDateTime at, long auditId) implements Serializable {
    }

    /** A check failing in a standing run; {@code exceptionId}: the approved exception that excepts it, or null. */
    public record FailingCheck(long endpointId, String hostname, String policyName, String checkId, String title,
            String severity, OffsetDateTime failingSince, long sinceAuditId, Long exceptionId)
            implements Serializable {

        public boolean excepted() {
            return exceptionId != null;
        }
    }

    /** A page of the failing checks and how many there are in all. */
    public record FailingPage(List<FailingCheck> rows, long count) {
    }

    /** Everything the dashboard shows, read in one call: the first {@code failing} page included. */
    /** {@code exceptedCount}: failing checks of the standing runs that an exception in force covers. */
    public record Dashboard(ZoneId zone, List<AuditLine> latest, List<EndpointScore> endpoints, Double companyScore,
            Double companyScoreWithExceptions, List<PolicyTrend> trends, FailingPage failing, long exceptedCount) {
    }

    /** The dashboard with the page of failing checks from {@code failingFirst} (the poll's one call). */
    public Dashboard of(long companyId, int failingFirst, int failingMax) {
        Membership member = access.require(companyId, Permission.VIEW);
        ExceptionsInForce inForce = exceptedChecks.inForce(companyId);
        Standings standings = new Standings(em);
        List<Standings.Standing> standing = standings.of(companyId);
        Excepted excepted = excepted(inForce, standing);
        List<EndpointScore> endpoints = standing.stream()
                .map(r -> new EndpointScore(r.endpointId(), r.hostname(), r.policyId(), r.policyName(),
                        Score.percent(r.passed(), r.failed()),
                        Score.percent(r.passed(), r.failed(), excepted.count(r.runId())), excepted.count(r.runId()),
                        r.finishedAt(), r.auditId()))
                .toList();
        Double company = Score.mean(endpoints.stream().map(EndpointScore::score).toList());
        Double companyWithExceptions = Score.mean(endpoints.stream().map(EndpointScore::scoreWithExceptions)
                .toList());
        FailingPage failing = new FailingPage(standings.failing(standing, Math.max(0, failingFirst),
                Math.max(1, Math.min(failingMax, 500)), excepted), Standings.failingCount(standing));
        return new Dashboard(member.getCompany().zoneId(), latest(companyId, inForce), endpoints, company,
                companyWithExceptions, trends(companyId, inForce), failing,
                excepted.perRun().values().stream().mapToLong(Integer::longValue).sum());
    }

    /**
     * The checks failing in the standing runs, by host, policy and check, from {@code first}: for paging through
     * them. The start of each one's failing streak walks back through the completed runs of its endpoint and policy.
     */
    public FailingPage failing(long companyId, int first, int max) {
        access.require(companyId, Permission.VIEW);
        Standings standings = new Standings(em);
        List<Standings.Standing> standing = standings.of(companyId);
        Excepted excepted = excepted(exceptedChecks.inForce(companyId), standing);
        return new FailingPage(standings.failing(standing, Math.max(0, first), Math.max(1, Math.min(max, 500)),
                excepted), Standings.failingCount(standing));
    }

    private Excepted excepted(ExceptionsInForce inForce, List<Standings.Standing> standing) {
        if (inForce.exceptions().isEmpty()) {
            return Excepted.NONE;
        }
        return exceptedChecks.of(inForce, standing.stream()
                .map(r -> new RunKey(r.runId(), r.endpointId(), r.tags(), r.policyId())).toList());
    }

    private List<AuditLine> latest(long companyId, ExceptionsInForce inForce) {
        List<Object[]> audits = em.createQuery("SELECT a.id, a.title, a.status, a.createdAt FROM Audit a "
                        + "WHERE a.company.id = :company ORDER BY a.createdAt DESC, a.id DESC", Object[].class)
                .setParameter("company", companyId).setMaxResults(LATEST).getResultList();
        if (audits.isEmpty()) {
            return List.of();
        }
        String ids = String.join(",", audits.stream().map(a -> String.valueOf((Long) a[0])).toList());
        Map<Long, Object[]> runs = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> totals = em.createNativeQuery("SELECT r.audit_id, SUM(r.planned), SUM(r.received), "
                        + "SUM(r.passed), SUM(r.failed), AVG(CASE WHEN r.status = 'COMPLETED' THEN "
                        + Score.RUN_PERCENT_SQL + " END) FROM audit_run r WHERE r.audit_id IN (" + ids + ") "
                        + "GROUP BY r.audit_id")
                .getResultList();
        totals.forEach(r -> runs.put(((Number) r[0]).longValue(), r));
        Map<Long, Double> withExceptions = inForce.exceptions().isEmpty() ? Map.of()
                : latestWithExceptions(inForce, audits.stream().map(a -> (Long) a[0]).toList());
        List<AuditLine> lines = new ArrayList<>();
        for (Object[] a : audits) {
            Object[] r = runs.getOrDefault((Long) a[0], new Object[6]);
            Double score = r[5] == null ? null : ((Number) r[5]).doubleValue();
            lines.add(new AuditLine((Long) a[0], (String) a[1], a[2].toString(), (OffsetDateTime) a[3],
                    num(r[1]), num(r[2]), num(r[3]), num(r[4]), score,
                    withExceptions.isEmpty() ? score : withExceptions.get((Long) a[0])));
        }
        return lines;
    }

    /** Per audit, the mean score of its completed runs with the exceptions in force (read only when there are any). */
    private Map<Long, Double> latestWithExceptions(ExceptionsInForce inForce, List<Long> auditIds) {
        List<Object[]> rows = em.createQuery("SELECT r.audit.id, r.status, r.passed, r.failed, r.id, e.id, e.tags, "
                        + "r.policyId FROM AuditRun r JOIN r.endpoint e WHERE r.audit.id IN :audits", Object[].class)
                .setParameter("audits", auditIds).getResultList();
        Excepted excepted = exceptedChecks.of(inForce, rows.stream().map(r -> key(r, 4)).toList());
        Map<Long, List<Double>> scores = new HashMap<>();
        for (Object[] r : rows) {
            Double run = Score.ofRun((RunStatus) r[1], num(r[2]), num(r[3]), excepted.count((String) r[4]));
            scores.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(run);
        }
        Map<Long, Double> means = new HashMap<>();
        scores.forEach((audit, list) -> means.put(audit, Score.mean(list)));
        return means;
    }

    /**
     * One point per policy and audit: the mean score of the audit's completed runs with that policy, aggregated in
     * SQL over the company's completed runs (an index-only scan of {@code audit_run_trend_idx}), the newest
     * {@link #TREND} audits per policy, oldest first; then the titles and dates of those audits and each policy's
     * name.
     */
    private List<PolicyTrend> trends(long companyId, ExceptionsInForce inForce) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.policy_id, r.audit_id, AVG(" + Score.RUN_PERCENT_SQL
                        + ") FROM audit_run r WHERE r.company_id = ? AND r.status = 'COMPLETED' "
                        + "GROUP BY r.policy_id, r.audit_id")
                .setParameter(1, companyId).getResultList();
        Map<String, List<Object[]>> byPolicy = new HashMap<>();
        rows.stream().filter(r -> r[2] != null)
                .forEach(r -> byPolicy.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r));
        if (byPolicy.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> audits = new HashMap<>();
        List<Long> ids = byPolicy.values().stream().flatMap(List::stream).map(r -> ((Number) r[1]).longValue())
                .distinct().toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            em.createQuery("SELECT a.id, a.title, a.createdAt FROM Audit a WHERE a.id IN :ids", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).getResultList()
                    .forEach(a -> audits.put((Long) a[0], a));
        }
        Map<String, Double> withExceptions = inForce.exceptions().isEmpty() ? Map.of()
                : trendWithExceptions(companyId, inForce, shown(byPolicy, audits));
        List<PolicyTrend> trends = new ArrayList<>();
        byPolicy.forEach((policy, points) -> {
            List<PolicyTrend.Point> newest = points.stream().map(r -> {
                Object[] a = audits.get(((Number) r[1]).longValue());
                double score = ((Number) r[2]).doubleValue();
                return new PolicyTrend.Point((Long) a[0], (String) a[1], (OffsetDateTime) a[2], score,
                        withExceptions.getOrDefault(policy + "\n" + a[0], score));
            }).sorted(Comparator.comparing(PolicyTrend.Point::at).thenComparing(PolicyTrend.Point::auditId)
                    .reversed()).limit(TREND).toList();
            List<PolicyTrend.Point> oldestFirst = new ArrayList<>(newest);
            Collections.reverse(oldestFirst);
            trends.add(new PolicyTrend(policy, policyName(policy, newest.get(0).auditId()), oldestFirst));
        });
        trends.sort(Comparator.comparing(PolicyTrend::policyName));
        return trends;
    }

    /** The audits the trend shows: the newest {@link #TREND} of each policy. */
    private static List<Long> shown(Map<String, List<Object[]>> byPolicy, Map<Long, Object[]> audits) {
        return byPolicy.values().stream().flatMap(points -> points.stream()
                        .map(r -> audits.get(((Number) r[1]).longValue()))
                        .sorted(Comparator.comparing((Object[] a) -> (OffsetDateTime) a[2])
                                .thenComparing(a -> (Long) a[0]).reversed())
                        .limit(TREND).map(a -> (Long) a[0]))
                .distinct().toList();
    }

    /**
     * Per policy and audit ({@code policy + "\n" + audit}), the mean score of the completed runs with the exceptions in
     * force now; read only when there are any.
     */
    private Map<String, Double> trendWithExceptions(long companyId, ExceptionsInForce inForce, List<Long> auditIds) {
        List<Object[]> rows = new ArrayList<>();
        for (int from = 0; from < auditIds.size(); from += 1000) {
            rows.addAll(em.createQuery("SELECT r.audit.id, r.passed, r.failed, r.id, e.id, e.tags, r.policyId "
                            + "FROM AuditRun r JOIN r.endpoint e WHERE r.companyId = :company AND r.status = :completed "
                            + "AND r.audit.id IN :audits", Object[].class)
                    .setParameter("company", companyId).setParameter("completed", RunStatus.COMPLETED)
                    .setParameter("audits", auditIds.subList(from, Math.min(auditIds.size(), from + 1000)))
                    .getResultList());
        }
        Excepted excepted = exceptedChecks.of(inForce, rows.stream().map(r -> key(r, 3)).toList());
        Map<String, List<Double>> scores = new HashMap<>();
        for (Object[] r : rows) {
            scores.computeIfAbsent(r[6] + "\n" + r[0], k -> new ArrayList<>())
                    .add(Score.percent(num(r[1]), num(r[2]), excepted.count((String) r[3])));
        }
        Map<String, Double> means = new HashMap<>();
        scores.forEach((key, list) -> means.put(key, Score.mean(list)));
        return means;
    }

    /** A run's key for exceptions from a row: run id, endpoint id, endpoint tags, policy id from {@code at}. */
    private static RunKey key(Object[] row, int at) {
        String tags = (String) row[at + 2];
        return new RunKey((String) row[at], (Long) row[at + 1],
                tags == null ? List.of() : java.util.Arrays.asList(tags.split(",")), (String) row[at + 3]);
    }

    /** The policy's name as its newest run with it has it. */
    private String policyName(String policyId, long auditId) {
        return em.createQuery("SELECT r.policyName FROM AuditRun r WHERE r.audit.id = :audit AND r.policyId = :policy",
                        String.class)
                .setParameter("audit", auditId).setParameter("policy", policyId).setMaxResults(1)
                .getResultStream().findFirst().orElse(policyId);
    }

    private static int num(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
