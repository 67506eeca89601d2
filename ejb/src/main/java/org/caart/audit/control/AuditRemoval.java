package org.caart.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import org.caart.audit.entity.RemovedAudits;

/**
 * Removes audits with their runs, results and batch ids, set-based: a company's finished audits created before a
 * moment (the owner's "delete older than", the daily retention), or all of them (a company deletion). An audit
 * still pending or running is never removed by date. Check texts stay (they are shared by content).
 */
@Dependent
public class AuditRemoval {

    private static final String FINISHED_BEFORE = "SELECT id FROM audit WHERE company_id = ?1 AND created_at < ?2 "
            + "AND status NOT IN ('PENDING', 'RUNNING')";

    @PersistenceContext
    EntityManager em;

    public RemovedAudits removeBefore(long companyId, OffsetDateTime before) {
        String runs = "SELECT id FROM audit_run WHERE audit_id IN (" + FINISHED_BEFORE + ")";
        int results = em.createNativeQuery("DELETE FROM check_result WHERE run_id IN (" + runs + ")")
                .setParameter(1, companyId).setParameter(2, before).executeUpdate();
        em.createNativeQuery("DELETE FROM ingested_batch WHERE run_id IN (" + runs + ")")
                .setParameter(1, companyId).setParameter(2, before).executeUpdate();
        int removedRuns = em.createNativeQuery("DELETE FROM audit_run WHERE audit_id IN (" + FINISHED_BEFORE + ")")
                .setParameter(1, companyId).setParameter(2, before).executeUpdate();
        int audits = em.createNativeQuery("DELETE FROM audit WHERE id IN (" + FINISHED_BEFORE + ")")
                .setParameter(1, companyId).setParameter(2, before).executeUpdate();
        return new RemovedAudits(audits, removedRuns, results);
    }

    public RemovedAudits removeAll(long companyId) {
        int results = em.createNativeQuery("DELETE FROM check_result WHERE run_id IN (SELECT id FROM "
                + "audit_run WHERE company_id = ?1)")
                .setParameter(1, companyId).executeUpdate();
        em.createNativeQuery("DELETE FROM ingested_batch WHERE run_id IN (SELECT id FROM audit_run WHERE "
                + "company_id = ?1)").setParameter(1, companyId).executeUpdate();
        int runs = em.createNativeQuery("DELETE FROM audit_run WHERE company_id = ?1").setParameter(1, companyId)
                .executeUpdate();
        int audits = em.createNativeQuery("DELETE FROM audit WHERE company_id = ?1").setParameter(1, companyId)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM audit_retention WHERE company_id = ?1").setParameter(1, companyId)
                .executeUpdate();
        return new RemovedAudits(audits, runs, results);
    }
}
