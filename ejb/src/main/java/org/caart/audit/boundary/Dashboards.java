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
import org.caart.audit.entity.AuditStatus;
import org.caart.audit.entity.Score;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;

/**
 * The company dashboard (section 2.2.1.1, figure 20): latest audits with progress, the standing score per endpoint
 * and policy and for the company, the score's trend per policy, and since when each failing check has been
 * failing. Everything scored comes from completed runs only ({@link Score}): per endpoint and policy the newest
 * completed run stands until another run of that endpoint and policy completes; stopped, failed and running runs
 * are shown as such in the latest audits and never replace it.
 */
@Stateless
public class Dashboards {

    static final int LATEST = 10;
    static final int TREND = 30;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    /** One of the latest audits: its progress, and its score only once it completed. */
    public record AuditLine(long id, String title, String status, OffsetDateTime createdAt, int planned,
            int received, int passed, int failed, Double score) {

        public String scoreLabel() {
            return Score.label(AuditStatus.valueOf(status), score);
        }
    }

    /** The standing run of an endpoint and policy: its newest completed run. */
    public record EndpointScore(long endpointId, String hostname, String policyId, String policyName, Double score,
            OffsetDateTime at, long auditId) implements Serializable {
    }

    public record FailingCheck(long endpointId, String hostname, String policyName, String checkId, String title,
            String severity, OffsetDateTime failingSince, long sinceAuditId) implements Serializable {
    }

    /** A page of the failing checks and how many there are in all. */
    public record FailingPage(List<FailingCheck> rows, long count) {
    }

    /** Everything the dashboard shows, read in one call: the first {@code failing} page included. */
    public record Dashboard(ZoneId zone, List<AuditLine> latest, List<EndpointScore> endpoints, Double companyScore,
            List<PolicyTrend> trends, FailingPage failing) {
    }

    /** The dashboard with the page of failing checks from {@code failingFirst} (the poll's one call). */
    public Dashboard of(long companyId, int failingFirst, int failingMax) {
        Membership member = access.require(companyId, Permission.VIEW);
        Standings standings = new Standings(em);
        List<Standings.Standing> standing = standings.of(companyId);
        List<EndpointScore> endpoints = standing.stream()
                .map(r -> new EndpointScore(r.endpointId(), r.hostname(), r.policyId(), r.policyName(),
                        Score.percent(r.passed(), r.failed()), r.finishedAt(), r.auditId()))
                .toList();
        Double company = Score.mean(endpoints.stream().map(EndpointScore::score).toList());
        FailingPage failing = new FailingPage(standings.failing(standing, Math.max(0, failingFirst),
                Math.max(1, Math.min(failingMax, 500))),
                Standings.failingCount(standing));
        return new Dashboard(member.getCompany().zoneId(), latest(companyId), endpoints, company, trends(companyId),
                failing);
    }

    /**
     * The checks failing in the standing runs, by host, policy and check, from {@code first}: for paging through
     * them. The start of each one's failing streak walks back through the completed runs of its endpoint and policy.
     */
    public FailingPage failing(long companyId, int first, int max) {
        access.require(companyId, Permission.VIEW);
        Standings standings = new Standings(em);
        List<Standings.Standing> standing = standings.of(companyId);
        return new FailingPage(standings.failing(standing, Math.max(0, first), Math.max(1, Math.min(max, 500))),
                Standings.failingCount(standing));
    }

    private List<AuditLine> latest(long companyId) {
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
        List<AuditLine> lines = new ArrayList<>();
        for (Object[] a : audits) {
            Object[] r = runs.getOrDefault((Long) a[0], new Object[6]);
            lines.add(new AuditLine((Long) a[0], (String) a[1], a[2].toString(), (OffsetDateTime) a[3],
                    num(r[1]), num(r[2]), num(r[3]), num(r[4]), r[5] == null ? null : ((Number) r[5]).doubleValue()));
        }
        return lines;
    }

    /**
     * One point per policy and audit: the mean score of the audit's completed runs with that policy, aggregated in
     * SQL over the company's completed runs (an index-only scan of {@code audit_run_trend_idx}), the newest
     * {@link #TREND} audits per policy, oldest first; then the titles and dates of those audits and each policy's
     * name.
     */
    private List<PolicyTrend> trends(long companyId) {
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
        List<PolicyTrend> trends = new ArrayList<>();
        byPolicy.forEach((policy, points) -> {
            List<PolicyTrend.Point> newest = points.stream().map(r -> {
                Object[] a = audits.get(((Number) r[1]).longValue());
                return new PolicyTrend.Point((Long) a[0], (String) a[1], (OffsetDateTime) a[2],
                        ((Number) r[2]).doubleValue());
            }).sorted(Comparator.comparing(PolicyTrend.Point::at).thenComparing(PolicyTrend.Point::auditId)
                    .reversed()).limit(TREND).toList();
            List<PolicyTrend.Point> oldestFirst = new ArrayList<>(newest);
            Collections.reverse(oldestFirst);
            trends.add(new PolicyTrend(policy, policyName(policy, newest.get(0).auditId()), oldestFirst));
        });
        trends.sort(Comparator.comparing(PolicyTrend::policyName));
        return trends;
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
