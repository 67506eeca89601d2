package org.caart.platform.jobs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Claims daily job runs. A claim is an {@code INSERT ... ON CONFLICT DO NOTHING} (PostgreSQL, and H2 in PostgreSQL
 * mode): a repeat claim answers false instead of throwing, and a second instance's claim waits for the first
 * one's transaction, so a job that claims and works in one transaction runs exactly once per scope and day. If
 * the work fails, the claim rolls back with it and the next tick tries again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class JobLedger {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public boolean claim(String job, long scopeId, LocalDate day) {
        return em.createNativeQuery("INSERT INTO job_run (job, scope_id, run_date, started_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, job).setParameter(2, scopeId).setParameter(3, day)
                .setParameter(4, OffsetDateTime.now(clock))
                .executeUpdate() == 1;
    }

    public void finish(String job, long scopeId, LocalDate day, String summary) {
        JobRun run = em.find(JobRun.class, new JobRun.Key(job, scopeId, day));
        run.finish(OffsetDateTime.now(clock), summary);
    }

    @RolesAllowed("OPERATOR")
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<JobRun> latest(int max) {
        return em.createQuery("SELECT r FROM JobRun r ORDER BY r.runDate DESC, r.startedAt DESC", JobRun.class)
                .setMaxResults(max)
                .getResultList();
    }
}
