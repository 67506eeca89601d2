package org.caart.platform.jobs;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.caart.patch.boundary.ComplianceRuns;
import org.caart.patch.boundary.PatchChecks;

/**
 * Ticks every hour (a non-persistent timer: Payara Micro keeps persistent timers only in memory) and lets each
 * daily job decide from the ledger whether it is due: the platform's own jobs, then per company its nightly
 * compliance run and its daily patch check (each at the company's local hour). Missing a tick is harmless: the next one catches up.
 */
@Singleton
@DependsOn("SchemaMigration")
public class DailyScheduler {

    private static final System.Logger LOG = System.getLogger(DailyScheduler.class.getName());

    @Inject
    DailyJobs jobs;

    @Inject
    PatchChecks patchChecks;

    @Inject
    ComplianceRuns complianceRuns;

    @Schedule(hour = "*", minute = "7", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void tick() {
        try {
            jobs.purgeOutboxIfDue();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Daily job " + DailyJobs.OUTBOX_RETENTION + " failed; it is retried at the next tick", e);
        }
        // each company in its own transactions: the nightly compliance run first, its findings go in the digest
        for (long companyId : jobs.companies()) {
            try {
                complianceRuns.nightlyIfDue(companyId);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Nightly compliance run of company " + companyId
                        + " failed; it is retried at the next tick", e);
            }
            try {
                patchChecks.dailyIfDue(companyId);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Daily patch check of company " + companyId
                        + " failed; it is retried at the next tick", e);
            }
        }
    }
}
