package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.caart.audit.control.AuditProgress;
import org.caart.audit.control.ExceptedChecks;
import org.caart.audit.control.ExceptedChecks.RunKey;
import org.caart.audit.entity.RunStatus;
import org.caart.audit.entity.Score;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.Severity;

/**
 * The read model audit publishes for the morning digest (patch's daily check, inside its transaction): what went
 * wrong in a company's audits since a moment. A fixed number of queries whatever the number of endpoints.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditFindings {

    /** Failing high or critical checks listed per run at most. */
    static final int CHECKS_PER_RUN = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditProgress progress;

    @Inject
    ExceptedChecks exceptedChecks;

    public record Finding(long auditId, String hostname, String text) {
    }

    /** {@code statements}: the queries it took, for the caller's statement count. */
    public record Findings(List<Finding> scoreDrops, List<Finding> newFailures, List<Finding> failedToStart,
            int statements) {
    }

    private record Ended(String runId, long auditId, String hostname, int passed, int failed, RunKey key) {
    }

    private record Previous(String runId, int passed, int failed) {
    }

    /**
     * Runs that failed to start since then, and for the newest completed run of each endpoint (at most {@code max}
     * endpoints) against the endpoint's previous completed run of the same policy: a score that fell, and the
     * high or critical checks that passed there and fail now.
     */
    public Findings since(long companyId, OffsetDateTime since, OffsetDateTime now, int max) {
        progress.failOverdueStarts(now); // runs past their start deadline are marked when read; the digest reads now
        List<Finding> failedToStart = em.createQuery("SELECT r.audit.id, r.endpoint.hostname, r.error FROM AuditRun r "
                        + "WHERE r.companyId = :company AND r.status = :status AND r.finishedAt >= :since "
                        + "ORDER BY r.endpoint.hostname", Object[].class)
                .setParameter("company", companyId).setParameter("status", RunStatus.FAILED_TO_START)
                .setParameter("since", since).setMaxResults(max).getResultStream()
                .map(r -> new Finding((Long) r[0], (String) r[1], r[2] == null ? "did not start" : (String) r[2]))
                .toList();
        List<Ended> newest = newestPerEndpoint(companyId, since, max);
        if (newest.isEmpty()) {
            return new Findings(List.of(), List.of(), failedToStart, 2);
        }
        Map<String, Previous> previous = previous(newest);
        List<Ended> dropped = new ArrayList<>();
        for (Ended run : newest) {
            Previous before = previous.get(run.runId());
            Double was = before == null ? null : Score.percent(before.passed(), before.failed());
            Double after = Score.percent(run.passed(), run.failed());
            if (was != null && after != null && after < was - 0.05) {
                dropped.add(run);
            }
        }
        Drops drops = drops(companyId, dropped, previous);
        return new Findings(drops.findings(), newFailures(newest, previous), failedToStart,
                (previous.isEmpty() ? 3 : 5) + drops.statements());
    }

    private record Drops(List<Finding> findings, int statements) {
    }

    /** "score fell from .. to ..", and the same with the exceptions in force when they change either score. */
    private Drops drops(long companyId, List<Ended> dropped, Map<String, Previous> previous) {
        if (dropped.isEmpty()) {
            return new Drops(List.of(), 0);
        }
        List<RunKey> keys = new ArrayList<>();
        for (Ended run : dropped) {
            keys.add(run.key());
            RunKey k = run.key();
            keys.add(new RunKey(previous.get(run.runId()).runId(), k.endpointId(), k.tags(), k.policyId()));
        }
        Excepted excepted = exceptedChecks.of(companyId, keys);
        List<Finding> drops = new ArrayList<>();
        for (Ended run : dropped) {
            Previous before = previous.get(run.runId());
            int exceptedBefore = excepted.count(before.runId());
            int exceptedNow = excepted.count(run.runId());
            String text = "score fell from " + percent(Score.percent(before.passed(), before.failed())) + " to "
                    + percent(Score.percent(run.passed(), run.failed()));
            if (exceptedBefore + exceptedNow > 0) {
                text += " (with exceptions: from " + percent(Score.percent(before.passed(), before.failed(),
                        exceptedBefore)) + " to " + percent(Score.percent(run.passed(), run.failed(), exceptedNow))
                        + ")";
            }
            drops.add(new Finding(run.auditId(), run.hostname(), text));
        }
        return new Drops(drops, excepted.statements());
    }

    private List<Ended> newestPerEndpoint(long companyId, OffsetDateTime since, int max) {
        List<Ended> newest = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Object[] r : em.createQuery("SELECT r.id, r.audit.id, r.endpoint.id, r.endpoint.hostname, r.passed, "
                        + "r.failed, r.endpoint.tags, r.policyId FROM AuditRun r WHERE r.companyId = :company "
                        + "AND r.status = :status "
                        + "AND r.finishedAt >= :since ORDER BY r.finishedAt DESC", Object[].class)
                .setParameter("company", companyId).setParameter("status", RunStatus.COMPLETED)
                .setParameter("since", since).setMaxResults(1000).getResultList()) {
            if (seen.add((Long) r[2]) && seen.size() <= max) {
                String tags = (String) r[6];
                newest.add(new Ended((String) r[0], (Long) r[1], (String) r[3], (Integer) r[4], (Integer) r[5],
                        new RunKey((String) r[0], (Long) r[2], tags == null ? List.of()
                                : java.util.Arrays.asList(tags.split(",")), (String) r[7])));
            }
        }
        return newest;
    }

    /** Each run's previous completed run of the same endpoint and policy, in one query. */
    private Map<String, Previous> previous(List<Ended> runs) {
        Map<String, Previous> previous = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT r.id, p.id, p.passed, p.failed FROM AuditRun r, AuditRun p "
                        + "WHERE r.id IN :runs AND p.endpoint = r.endpoint AND p.policyId = r.policyId "
                        + "AND p.status = :status AND p.finishedAt = (SELECT MAX(q.finishedAt) FROM AuditRun q "
                        + "WHERE q.endpoint = r.endpoint AND q.policyId = r.policyId AND q.status = :status "
                        + "AND q.finishedAt < r.finishedAt)", Object[].class)
                .setParameter("runs", runs.stream().map(Ended::runId).toList())
                .setParameter("status", RunStatus.COMPLETED).getResultList()) {
            previous.putIfAbsent((String) r[0], new Previous((String) r[1], (Integer) r[2], (Integer) r[3]));
        }
        return previous;
    }

    /** High or critical checks failing in a run that passed in its previous run; two queries for all runs. */
    private List<Finding> newFailures(List<Ended> runs, Map<String, Previous> previous) {
        if (previous.isEmpty()) {
            return List.of();
        }
        List<String> compared = runs.stream().map(Ended::runId).filter(previous::containsKey).toList();
        List<Severity> severe = List.of(Severity.HIGH, Severity.CRITICAL);
        Map<String, List<Object[]>> failing = new LinkedHashMap<>();
        for (Object[] c : em.createQuery("SELECT c.runId, c.checkId, c.title, c.severity FROM CheckResult c "
                        + "WHERE c.runId IN :runs AND c.status = :failed AND c.severity IN :severe "
                        + "ORDER BY c.checkId", Object[].class)
                .setParameter("runs", compared).setParameter("failed", CheckStatus.FAILED)
                .setParameter("severe", severe).getResultList()) {
            failing.computeIfAbsent((String) c[0], k -> new ArrayList<>()).add(c);
        }
        Set<String> passedBefore = new HashSet<>();
        for (Object[] p : em.createQuery("SELECT p.runId, p.checkId FROM CheckResult p WHERE p.runId IN :previous "
                        + "AND p.status = :passed AND p.checkId IN (SELECT c.checkId FROM CheckResult c "
                        + "WHERE c.runId IN :runs AND c.status = :failed AND c.severity IN :severe)", Object[].class)
                .setParameter("previous", compared.stream().map(id -> previous.get(id).runId()).toList())
                .setParameter("passed", CheckStatus.PASSED).setParameter("runs", compared)
                .setParameter("failed", CheckStatus.FAILED).setParameter("severe", severe).getResultList()) {
            passedBefore.add(p[0] + "\n" + p[1]);
        }
        List<Finding> failures = new ArrayList<>();
        for (Ended run : runs) {
            Previous before = previous.get(run.runId());
            if (before == null) {
                continue;
            }
            failing.getOrDefault(run.runId(), List.of()).stream()
                    .filter(c -> passedBefore.contains(before.runId() + "\n" + c[1]))
                    .limit(CHECKS_PER_RUN)
                    .forEach(c -> failures.add(new Finding(run.auditId(), run.hostname(), c[1] + " " + c[2] + " ("
                            + String.valueOf(c[3]).toLowerCase(Locale.ROOT) + ")")));
        }
        return failures;
    }

    private static String percent(double score) {
        return Math.round(score * 10) / 10.0 + "%";
    }
}
