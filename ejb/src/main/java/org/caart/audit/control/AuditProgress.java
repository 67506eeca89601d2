package org.caart.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Status changes of runs and audits as set-based SQL, kept here rather than in {@code Audit}/{@code AuditRun}
 * methods on purpose: batches of one run may be applied by several consumers at once, and a counter update must add
 * to what is there, not overwrite it (a loaded entity would). The one home of the rules "a run starts with its
 * first batch", "an audit runs when any run does" and "an audit whose runs have all ended is completed (failed to
 * start when none started)". Runs in the caller's transaction, on audit's own tables only.
 */
@Dependent
public class AuditProgress {

    static final String FAILED_TO_START_REASON = "The agent did not pick up the order before the start deadline";
    static final String SILENT_REASON = "No results from the agent for %d minutes: the agent was stopped, restarted "
            + "without this run or lost its connection; the results received are kept";
    static final String STOPPED_RUNNING_REASON = "Stopped while running; the results received are kept";

    @PersistenceContext
    EntityManager em;

    @Inject
    ResultChanges changes;

    /** Runs whose agent never picked up the order in time end as FAILED_TO_START (UC5's alternative flow). */
    public void failOverdueStarts(OffsetDateTime now) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Number> audits = em.createNativeQuery("SELECT DISTINCT audit_id FROM audit_run "
                        + "WHERE status = 'QUEUED' AND start_deadline < ?")
                .setParameter(1, now).getResultList();
        if (audits.isEmpty()) {
            return;
        }
        em.createNativeQuery("UPDATE audit_run SET status = 'FAILED_TO_START', finished_at = ?, error = ? "
                        + "WHERE status = 'QUEUED' AND start_deadline < ?")
                .setParameter(1, now).setParameter(2, FAILED_TO_START_REASON).setParameter(3, now)
                .executeUpdate();
        closeAll(audits, now);
    }

    /**
     * Running runs that received nothing for {@code silentMinutes} end FAILED with the reason; their results stay.
     * The agent of such a run is gone or came back without it (a restarted agent does not resume a run).
     */
    public void failSilentRuns(OffsetDateTime now, int silentMinutes) {
        em.flush();
        OffsetDateTime before = now.minusMinutes(silentMinutes);
        @SuppressWarnings("unchecked")
        List<Number> audits = em.createNativeQuery("SELECT DISTINCT audit_id FROM audit_run "
                        + "WHERE status = 'RUNNING' AND COALESCE(last_batch_at, started_at) < ?")
                .setParameter(1, before).getResultList();
        if (audits.isEmpty()) {
            return;
        }
        em.createNativeQuery("UPDATE audit_run SET status = 'FAILED', finished_at = ?, error = ? "
                        + "WHERE status = 'RUNNING' AND COALESCE(last_batch_at, started_at) < ?")
                .setParameter(1, now).setParameter(2, String.format(SILENT_REASON, silentMinutes))
                .setParameter(3, before).executeUpdate();
        closeAll(audits, now);
    }

    private void closeAll(List<Number> audits, OffsetDateTime now) {
        audits.forEach(id -> {
            em.createNativeQuery("SELECT id FROM audit WHERE id = ? FOR UPDATE").setParameter(1, id.longValue())
                    .getResultList();
            closeIfDone(id.longValue(), now);
        });
    }

    /**
     * A stop ends every open run of the audit now: runs not yet started never will; running ones end STOPPED with
     * {@code stop_requested}, so their agent is told to stop (batch receipt, orders) and what it still sends is
     * added to the run's results without changing its status.
     */
    public void stopRuns(long auditId, OffsetDateTime now) {
        em.flush();
        em.createNativeQuery("UPDATE audit_run SET status = 'STOPPED', finished_at = ?, "
                        + "error = 'Stopped before the agent started' WHERE audit_id = ? AND status = 'QUEUED'")
                .setParameter(1, now).setParameter(2, auditId).executeUpdate();
        em.createNativeQuery("UPDATE audit_run SET status = 'STOPPED', stop_requested = TRUE, finished_at = ?, "
                        + "error = ? WHERE audit_id = ? AND status = 'RUNNING'")
                .setParameter(1, now).setParameter(2, STOPPED_RUNNING_REASON).setParameter(3, auditId)
                .executeUpdate();
    }

    /** Adds a batch's counts to its run and moves the run (and its audit) along. */
    public void applied(String runId, long auditId, int planned, int[] counts, int total, String end, String error,
            OffsetDateTime now) {
        em.createNativeQuery("UPDATE audit_run SET received = received + ?, passed = passed + ?, "
                        + "failed = failed + ?, not_applicable = not_applicable + ?, errors = errors + ?, "
                        + "not_run = not_run + ?, planned = CASE WHEN ? > planned THEN ? ELSE planned END, "
                        + "status = CASE WHEN status = 'QUEUED' THEN 'RUNNING' ELSE status END, "
                        + "started_at = COALESCE(started_at, ?), last_batch_at = ? WHERE id = ?")
                .setParameter(1, total).setParameter(2, counts[0]).setParameter(3, counts[1])
                .setParameter(4, counts[2]).setParameter(5, counts[3]).setParameter(6, counts[4])
                .setParameter(7, planned).setParameter(8, planned).setParameter(9, now).setParameter(10, now)
                .setParameter(11, runId)
                .executeUpdate();
        em.createNativeQuery("UPDATE audit SET status = 'RUNNING', started_at = ?, version = version + 1 "
                        + "WHERE id = ? AND status = 'PENDING'")
                .setParameter(1, now).setParameter(2, auditId).executeUpdate();
        if (end != null) {
            // runs of one audit ending at once must not both miss the other's end: one waits for the other here
            em.createNativeQuery("SELECT id FROM audit WHERE id = ? FOR UPDATE").setParameter(1, auditId)
                    .getResultList();
            int ended = em.createNativeQuery("UPDATE audit_run SET status = ?, finished_at = ?, error = ? "
                            + "WHERE id = ? AND status IN ('QUEUED', 'RUNNING')")
                    .setParameter(1, end).setParameter(2, now)
                    .setParameter(3, ResultRows.text(error, 1000))
                    .setParameter(4, runId).executeUpdate();
            if (ended == 1 && "COMPLETED".equals(end)) {
                changes.completed(runId, now);
            }
            closeIfDone(auditId, now);
        }
    }

    /** An audit whose runs have all ended is completed (or failed to start, when none of them started). */
    void closeIfDone(long auditId, OffsetDateTime now) {
        em.createNativeQuery("UPDATE audit SET status = CASE WHEN EXISTS (SELECT 1 FROM audit_run r "
                        + "WHERE r.audit_id = audit.id AND r.status <> 'FAILED_TO_START') THEN 'COMPLETED' "
                        + "ELSE 'FAILED_TO_START' END, finished_at = ?, version = version + 1 "
                        + "WHERE id = ? AND status IN ('PENDING', 'RUNNING') AND NOT EXISTS (SELECT 1 FROM audit_run r "
                        + "WHERE r.audit_id = audit.id AND r.status IN ('QUEUED', 'RUNNING'))")
                .setParameter(1, now).setParameter(2, auditId).executeUpdate();
    }
}
