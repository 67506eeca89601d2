package org.caart.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caart.audit.boundary.Excepted;
import org.caart.audit.boundary.ExceptionInForce;
import org.caart.audit.boundary.ExceptionsInForce;
import org.caart.audit.entity.AuditRun;
import org.caart.contract.agent.v1.CheckStatus;

/**
 * The failed results of some runs that an exception in force covers. Asks for the exceptions with the
 * {@link ExceptionsInForce} event (the exceptions' component answers), then, only when there are any, reads the
 * failed results of the runs for the checks they name: one query per 1,000 runs.
 */
@Dependent
public class ExceptedChecks {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ExceptionsInForce> ask;

    @Inject
    Clock clock;

    /** A run as exceptions see it: its endpoint (with its tags now) and policy. */
    public record RunKey(String runId, long endpointId, List<String> tags, String policyId) {

        public static RunKey of(AuditRun run) {
            return new RunKey(run.getId(), run.getEndpoint().getId(), run.getEndpoint().tags(), run.getPolicyId());
        }
    }

    public ExceptionsInForce inForce(long companyId) {
        ExceptionsInForce question = new ExceptionsInForce(companyId, OffsetDateTime.now(clock));
        ask.fire(question);
        return question;
    }

    public Excepted ofRuns(long companyId, Collection<AuditRun> runs) {
        return of(companyId, runs.stream().map(RunKey::of).toList());
    }

    public Excepted of(long companyId, Collection<RunKey> runs) {
        if (runs.isEmpty()) {
            return Excepted.NONE;
        }
        return of(inForce(companyId), runs);
    }

    /** With the exceptions in force already asked for ({@link #inForce}): one question for several reads. */
    public Excepted of(ExceptionsInForce answer, Collection<RunKey> runs) {
        long companyId = answer.companyId();
        if (runs.isEmpty()) {
            return new Excepted(Map.of(), Map.of(), 0);
        }
        List<ExceptionInForce> exceptions = answer.exceptions();
        if (exceptions.isEmpty()) {
            return new Excepted(Map.of(), Map.of(), answer.statements());
        }
        int statements = answer.statements();
        Set<String> checks = exceptions.stream().map(ExceptionInForce::checkId).collect(Collectors.toSet());
        Map<String, RunKey> byId = runs.stream().collect(Collectors.toMap(RunKey::runId, r -> r, (a, b) -> a));
        List<String> ids = List.copyOf(byId.keySet());
        Map<String, Integer> perRun = new HashMap<>();
        Map<Long, Long> byResult = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            statements++;
            for (Object[] r : em.createQuery("SELECT c.id, c.runId, c.checkId, c.observed FROM CheckResult c "
                            + "WHERE c.companyId = :company AND c.runId IN :runs AND c.status = :failed "
                            + "AND c.checkId IN :checks", Object[].class)
                    .setParameter("company", companyId).setParameter("runs", ids.subList(from,
                            Math.min(ids.size(), from + 1000)))
                    .setParameter("failed", CheckStatus.FAILED).setParameter("checks", checks).getResultList()) {
                RunKey run = byId.get((String) r[1]);
                exceptions.stream().filter(e -> e.covers(run.policyId(), (String) r[2], run.endpointId(),
                        run.tags(), (String) r[3])).findFirst().ifPresent(e -> {
                            byResult.put((Long) r[0], e.id());
                            perRun.merge(run.runId(), 1, Integer::sum);
                        });
            }
        }
        return new Excepted(perRun, byResult, statements);
    }

    /**
     * Per run id, the checks whose failed result an exception in force covers, with that exception's id (reports
     * list them by check). One question for the exceptions, then one query per 1,000 runs, only when any is in force.
     */
    public Map<String, Map<String, Long>> checksOf(long companyId, Collection<RunKey> runs) {
        if (runs.isEmpty()) {
            return Map.of();
        }
        List<ExceptionInForce> exceptions = inForce(companyId).exceptions();
        if (exceptions.isEmpty()) {
            return Map.of();
        }
        Set<String> checks = exceptions.stream().map(ExceptionInForce::checkId).collect(Collectors.toSet());
        Map<String, RunKey> byId = runs.stream().collect(Collectors.toMap(RunKey::runId, r -> r, (a, b) -> a));
        List<String> ids = List.copyOf(byId.keySet());
        Map<String, Map<String, Long>> covered = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            for (Object[] r : em.createQuery("SELECT c.runId, c.checkId, c.observed FROM CheckResult c "
                            + "WHERE c.companyId = :company AND c.runId IN :runs AND c.status = :failed "
                            + "AND c.checkId IN :checks", Object[].class)
                    .setParameter("company", companyId).setParameter("runs", ids.subList(from,
                            Math.min(ids.size(), from + 1000)))
                    .setParameter("failed", CheckStatus.FAILED).setParameter("checks", checks).getResultList()) {
                RunKey run = byId.get((String) r[0]);
                exceptions.stream().filter(e -> e.covers(run.policyId(), (String) r[1], run.endpointId(),
                        run.tags(), (String) r[2])).findFirst().ifPresent(e -> covered
                        .computeIfAbsent(run.runId(), k -> new HashMap<>()).put((String) r[1], e.id()));
            }
        }
        return covered;
    }
}
