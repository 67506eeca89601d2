package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caart.audit.entity.Audit;
import org.caart.audit.entity.AuditStatus;
import org.caart.audit.entity.Score;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.platform.NotFoundException;

/**
 * The company's audits as a history (a page at a time, each with its policy, endpoints, score, duration and state)
 * and the comparison of two of them: which checks newly fail, which were fixed, which still fail, per endpoint.
 */
@Stateless
public class AuditHistory {

    /** Rows listed per kind of change; the counts are always complete. */
    public static final int COMPARE_ROWS = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    /** One audit in the history. {@code score} is the mean of its completed runs' scores (shown once it completed). */
    public record Line(long id, String title, AuditStatus status, OffsetDateTime createdAt, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, String createdBy, String policies, long endpoints, long received,
            long planned, Double score) {

        public String scoreLabel() {
            return Score.label(status, score);
        }

        /** From the first result (or the creation) to the end; none while it runs. */
        public Duration duration() {
            if (finishedAt == null) {
                return null;
            }
            Duration d = Duration.between(startedAt == null ? createdAt : startedAt, finishedAt);
            return d.isNegative() ? Duration.ZERO : d;
        }
    }

    public record Page(ZoneId zone, List<Line> lines, long count) {
    }

    /** The audits newest first, from {@code first}, at most {@code max}, with their count: one call per page. */
    public Page page(long companyId, int first, int max) {
        Membership member = access.require(companyId, Permission.VIEW);
        List<Object[]> audits = em.createQuery("SELECT a.id, a.title, a.status, a.createdAt, a.startedAt, "
                        + "a.finishedAt, u.email FROM Audit a LEFT JOIN a.createdBy u WHERE a.company.id = :company "
                        + "ORDER BY a.createdAt DESC, a.id DESC", Object[].class)
                .setParameter("company", companyId).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, 200))).getResultList();
        long count = em.createQuery("SELECT COUNT(a) FROM Audit a WHERE a.company.id = :company", Long.class)
                .setParameter("company", companyId).getSingleResult();
        Map<Long, Object[]> runs = runTotals(audits.stream().map(a -> (Long) a[0]).toList());
        List<Line> lines = audits.stream().map(a -> {
            Object[] r = runs.getOrDefault((Long) a[0], new Object[7]);
            return new Line((Long) a[0], (String) a[1], (AuditStatus) a[2], (OffsetDateTime) a[3],
                    (OffsetDateTime) a[4], (OffsetDateTime) a[5], a[6] == null ? "nightly run" : (String) a[6],
                    policies(r), num(r[1]), num(r[2]), num(r[3]),
                    r[6] == null ? null : ((Number) r[6]).doubleValue());
        }).toList();
        return new Page(member.getCompany().zoneId(), lines, count);
    }

    /** Per audit: runs, received, planned, first and last policy name, distinct policies, completed runs' score. */
    private Map<Long, Object[]> runTotals(List<Long> auditIds) {
        Map<Long, Object[]> totals = new HashMap<>();
        if (auditIds.isEmpty()) {
            return totals;
        }
        String in = String.join(",", auditIds.stream().map(String::valueOf).toList());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.audit_id, COUNT(*), SUM(r.received), SUM(r.planned), "
                        + "MIN(r.policy_name), MAX(r.policy_name), AVG(CASE WHEN r.status = 'COMPLETED' THEN "
                        + Score.RUN_PERCENT_SQL + " END), COUNT(DISTINCT r.policy_name) FROM audit_run r "
                        + "WHERE r.audit_id IN (" + in + ") GROUP BY r.audit_id")
                .getResultList();
        for (Object[] r : rows) {
            totals.put(((Number) r[0]).longValue(), new Object[] {r[7], r[1], r[2], r[3], r[4], r[5], r[6]});
        }
        return totals;
    }

    private static String policies(Object[] totals) {
        long distinct = num(totals[0]);
        if (distinct == 0) {
            return "";
        }
        if (distinct == 1) {
            return (String) totals[4];
        }
        return distinct == 2 ? totals[4] + ", " + totals[5] : totals[4] + " and " + (distinct - 1) + " more";
    }

    /** One check on one endpoint in a comparison, with its state in the older and in the newer audit. */
    public record Change(long endpointId, String hostname, String policyName, String checkId, String title,
            String severity, String before, String after) {
    }

    public record Side(long id, String title, AuditStatus status, OffsetDateTime createdAt) {
    }

    /** Two audits compared, older first; each list holds at most {@link #COMPARE_ROWS}, the counts are complete. */
    public record Comparison(ZoneId zone, Side from, Side to, List<Change> newFailures, long newFailureCount,
            List<Change> fixed, long fixedCount, List<Change> unchanged, long unchangedCount) {
    }

    /**
     * Compares audit {@code fromId} with audit {@code toId}: a new failure fails in {@code to} and did not fail on
     * that endpoint in {@code from}; fixed failed in {@code from} and passes in {@code to}; unchanged fails in both.
     * Checks are matched per endpoint and check id.
     */
    public Comparison compare(long companyId, long fromId, long toId) {
        Membership member = access.require(companyId, Permission.VIEW);
        Audit from = find(companyId, fromId);
        Audit to = find(companyId, toId);
        String failedIn = "EXISTS (SELECT o FROM CheckResult o, AuditRun q WHERE q.audit.id = :other "
                + "AND o.runId = q.id AND q.endpoint = r.endpoint AND o.checkId = c.checkId AND o.status = :failed)";
        String passedIn = "EXISTS (SELECT o FROM CheckResult o, AuditRun q WHERE q.audit.id = :other "
                + "AND o.runId = q.id AND q.endpoint = r.endpoint AND o.checkId = c.checkId AND o.status = :passed)";
        return new Comparison(member.getCompany().zoneId(), side(from), side(to),
                changes(toId, fromId, "NOT " + failedIn, "FAILED", "not failing"),
                count(toId, fromId, "NOT " + failedIn),
                changes(fromId, toId, passedIn, "PASSED", "FAILED"), count(fromId, toId, passedIn),
                changes(toId, fromId, failedIn, "FAILED", "FAILED"), count(toId, fromId, failedIn));
    }

    private static Side side(Audit a) {
        return new Side(a.getId(), a.getTitle(), a.getStatus(), a.getCreatedAt());
    }

    /** Failed checks of audit {@code of} matching {@code condition} against audit {@code other}. */
    private List<Change> changes(long of, long other, String condition, String shownAfter, String shownBefore) {
        boolean fixed = shownAfter.equals("PASSED");
        return bind(em.createQuery("SELECT r.endpoint.id, r.endpoint.hostname, r.policyName, c.checkId, c.title, "
                        + "c.severity FROM CheckResult c, AuditRun r WHERE r.audit.id = :of AND c.runId = r.id "
                        + "AND c.status = :failed AND " + condition
                        + " ORDER BY r.endpoint.hostname, r.policyName, c.checkId", Object[].class), of, other, condition)
                .setMaxResults(COMPARE_ROWS).getResultList().stream()
                .map(c -> new Change((Long) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4],
                        c[5] == null ? "" : c[5].toString(), fixed ? "FAILED" : shownBefore,
                        fixed ? "PASSED" : shownAfter))
                .toList();
    }

    private long count(long of, long other, String condition) {
        return bind(em.createQuery("SELECT COUNT(c) FROM CheckResult c, AuditRun r WHERE r.audit.id = :of "
                        + "AND c.runId = r.id AND c.status = :failed AND " + condition, Long.class), of, other, condition)
                .getSingleResult();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, long of, long other, String condition) {
        query.setParameter("of", of).setParameter("other", other).setParameter("failed", CheckStatus.FAILED);
        return condition.contains(":passed") ? query.setParameter("passed", CheckStatus.PASSED) : query;
    }

    /** The audit before {@code auditId} with the same policy choice (else any earlier one): what it is compared with. */
    public Long previous(long companyId, long auditId) {
        access.require(companyId, Permission.VIEW);
        Audit audit = find(companyId, auditId);
        List<Long> same = em.createQuery("SELECT a.id FROM Audit a WHERE a.company.id = :company "
                        + "AND a.createdAt < :at AND a.policyChoice = :choice AND a.status = :completed "
                        + "ORDER BY a.createdAt DESC, a.id DESC", Long.class)
                .setParameter("company", companyId).setParameter("at", audit.getCreatedAt())
                .setParameter("choice", audit.getPolicyChoice()).setParameter("completed", AuditStatus.COMPLETED)
                .setMaxResults(1).getResultList();
        if (!same.isEmpty()) {
            return same.get(0);
        }
        return em.createQuery("SELECT a.id FROM Audit a WHERE a.company.id = :company AND a.createdAt < :at "
                        + "ORDER BY a.createdAt DESC, a.id DESC", Long.class)
                .setParameter("company", companyId).setParameter("at", audit.getCreatedAt())
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    private Audit find(long companyId, long auditId) {
        return em.createQuery("SELECT a FROM Audit a WHERE a.id = :id AND a.company.id = :company", Audit.class)
                .setParameter("id", auditId).setParameter("company", companyId)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("Audit"));
    }

    private static long num(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
