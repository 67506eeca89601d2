package org.caart.waiver.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.caart.audit.entity.RunStatus;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.endpoint.entity.EndpointStatus;
import org.caart.waiver.entity.Waiver;
import org.caart.waiver.entity.WaiverEvidence;

/**
 * What the results say about a check (JPQL along the arrows to audit and endpoint, never SQL on their tables): the
 * check as its newest result describes it, the failing values in an exception's scope in the standing runs (per
 * endpoint the newest completed run of the policy), and the failed results of runs completed in a period.
 */
@Dependent
public class Evidence {

    @PersistenceContext
    EntityManager em;

    /** The check as the company's newest result of it with this policy describes it (title, severity). */
    public Optional<Waiver.CheckRef> check(long companyId, String policyId, String checkId) {
        return em.createQuery("SELECT c.title, c.severity FROM CheckResult c, AuditRun r WHERE c.runId = r.id "
                        + "AND r.companyId = :company AND c.companyId = :company AND r.policyId = :policy "
                        + "AND c.checkId = :check ORDER BY c.receivedAt DESC, c.id DESC", Object[].class)
                .setParameter("company", companyId).setParameter("policy", policyId).setParameter("check", checkId)
                .setMaxResults(1).getResultStream().findFirst()
                .map(r -> new Waiver.CheckRef(policyId, checkId, (String) r[0],
                        r[1] == null ? null : r[1].toString()));
    }

    /** A failing result of the exception's check: where, and what it observed. */
    public record Failing(long endpointId, String hostname, List<String> tags, String observed,
            OffsetDateTime finishedAt) {
    }

    /** The failing results of the check in the standing runs of the company's active endpoints, in its scope. */
    public List<Failing> standing(Waiver waiver) {
        List<Failing> failing = new ArrayList<>();
        for (Object[] r : em.createQuery("SELECT e.id, e.hostname, e.tags, c.observed, r.finishedAt "
                        + "FROM CheckResult c, AuditRun r JOIN r.endpoint e WHERE c.runId = r.id "
                        + "AND r.companyId = :company AND c.companyId = :company AND r.policyId = :policy "
                        + "AND r.status = :completed AND e.status = :active AND c.checkId = :check "
                        + "AND c.status = :failed AND r.finishedAt = (SELECT MAX(r2.finishedAt) FROM AuditRun r2 "
                        + "WHERE r2.endpoint = r.endpoint AND r2.policyId = r.policyId AND r2.status = :completed)",
                        Object[].class)
                .setParameter("company", waiver.getCompanyId()).setParameter("policy", waiver.getPolicyId())
                .setParameter("completed", RunStatus.COMPLETED).setParameter("active", EndpointStatus.ACTIVE)
                .setParameter("check", waiver.getCheckId()).setParameter("failed", CheckStatus.FAILED)
                .getResultList()) {
            Failing f = new Failing((Long) r[0], (String) r[1], tags((String) r[2]), (String) r[3],
                    (OffsetDateTime) r[4]);
            if (inScope(waiver, f)) {
                failing.add(f);
            }
        }
        return failing;
    }

    /** The distinct observed values of failing results, as the evidence compares them. */
    public static Set<String> values(List<Failing> failing) {
        Set<String> values = new TreeSet<>();
        failing.forEach(f -> values.add(WaiverEvidence.normal(f.observed())));
        return values;
    }

    public static boolean inScope(Waiver waiver, Failing f) {
        return switch (waiver.getScope()) {
            case ENDPOINT -> waiver.getEndpointId() == f.endpointId();
            case TAG -> f.tags().contains(waiver.getTag());
            case COMPANY -> true;
        };
    }

    /** A failed result of a completed run, for the evidence check. */
    public record Observed(long companyId, String policyId, String checkId, Failing failing) {
    }

    /**
     * The failed results of the given checks in runs completed after {@code after} up to {@code until} (at most
     * {@code max} runs, oldest first): two queries, the second per 1,000 runs.
     */
    public List<Observed> completedBetween(OffsetDateTime after, OffsetDateTime until, Set<String> checks, int max) {
        List<Object[]> runs = em.createQuery("SELECT r.id, r.companyId, r.policyId, e.id, e.hostname, e.tags, "
                        + "r.finishedAt FROM AuditRun r JOIN r.endpoint e WHERE r.status = :completed "
                        + "AND r.finishedAt > :after AND r.finishedAt <= :until ORDER BY r.finishedAt", Object[].class)
                .setParameter("completed", RunStatus.COMPLETED).setParameter("after", after)
                .setParameter("until", until).setMaxResults(max).getResultList();
        Map<String, Object[]> byId = new HashMap<>();
        runs.forEach(r -> byId.put((String) r[0], r));
        List<String> ids = List.copyOf(byId.keySet());
        List<Observed> observed = new ArrayList<>();
        for (int from = 0; from < ids.size() && !checks.isEmpty(); from += 1000) {
            for (Object[] c : em.createQuery("SELECT c.runId, c.checkId, c.observed FROM CheckResult c "
                            + "WHERE c.runId IN :runs AND c.status = :failed AND c.checkId IN :checks", Object[].class)
                    .setParameter("runs", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .setParameter("failed", CheckStatus.FAILED).setParameter("checks", checks).getResultList()) {
                Object[] r = byId.get((String) c[0]);
                observed.add(new Observed((Long) r[1], (String) r[2], (String) c[1], new Failing((Long) r[3],
                        (String) r[4], tags((String) r[5]), (String) c[2], (OffsetDateTime) r[6])));
            }
        }
        return observed;
    }

    private static List<String> tags(String tags) {
        return tags == null ? List.of() : Arrays.asList(tags.split(","));
    }
}
