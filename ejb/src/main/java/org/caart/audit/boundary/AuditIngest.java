package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.caart.audit.control.AuditProgress;
import org.caart.audit.control.ResultRows;
import org.caart.audit.entity.AuditRun;
import org.caart.contract.agent.v1.CheckResultView;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.ResultBatchView;

/**
 * Applies result batches taken from the ingest queue, each in one transaction. The batch id is claimed with
 * {@code INSERT ... ON CONFLICT DO NOTHING}: a batch delivered or sent twice is stored once, and a repeat is not an
 * error (an exception would roll back, redeliver and end in the dead-letter queue).
 */
@Stateless
public class AuditIngest {

    private static final System.Logger LOG = System.getLogger(AuditIngest.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditProgress progress;

    @Inject
    ResultRows rows;

    @Inject
    Clock clock;

    /** Returns false for a batch that was stored before (nothing happens then). */
    public boolean apply(long endpointId, ResultBatchView batch) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int claimed = em.createNativeQuery("INSERT INTO ingested_batch (batch_id, run_id, sequence_no, results, "
                        + "received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .setParameter(1, batch.batchId()).setParameter(2, batch.runId()).setParameter(3, batch.sequence())
                .setParameter(4, batch.results().size()).setParameter(5, now)
                .executeUpdate();
        if (claimed == 0) {
            LOG.log(Level.DEBUG, "Batch {0} was stored before", batch.batchId());
            return false;
        }
        Optional<AuditRun> run = em.createQuery("SELECT r FROM AuditRun r JOIN FETCH r.audit "
                        + "WHERE r.id = :id AND r.endpoint.id = :endpoint", AuditRun.class)
                .setParameter("id", batch.runId()).setParameter("endpoint", endpointId)
                .getResultStream().findFirst();
        if (run.isEmpty()) {
            LOG.log(Level.WARNING, "Batch {0} names run {1}, which endpoint {2} does not have; ignored",
                    batch.batchId(), batch.runId(), endpointId);
            return false;
        }
        long companyId = run.get().getAudit().getCompany().getId();
        int[] counts = new int[5];
        for (CheckResultView result : batch.results()) {
            counts[index(result.status())]++;
        }
        rows.insert(batch.runId(), run.get().getAudit().getId(), companyId, batch.results(), now);
        progress.applied(batch.runId(), run.get().getAudit().getId(), batch.planned(), counts,
                batch.results().size(), batch.end() == null ? null : batch.end().name(), batch.error(), now);
        return true;
    }

    private static int index(CheckStatus status) {
        return switch (status) {
            case PASSED -> 0;
            case FAILED -> 1;
            case NOT_APPLICABLE -> 2;
            case ERROR -> 3;
            case NOT_RUN -> 4;
        };
    }
}
