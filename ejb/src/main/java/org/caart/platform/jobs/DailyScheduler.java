package org.caart.platform.jobs;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Ticks every hour (a non-persistent timer: Payara Micro keeps persistent timers only in memory) and lets each
 * daily job decide from the ledger whether it is due. Missing a tick is harmless: the next one catches up.
 */
@Singleton
@DependsOn("SchemaMigration")
public class DailyScheduler {

    private static final System.Logger LOG = System.getLogger(DailyScheduler.class.getName());

    @Inject
    DailyJobs jobs;

    @Schedule(hour = "*", minute = "7", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void tick() {
        try {
            jobs.purgeOutboxIfDue();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Daily job " + DailyJobs.OUTBOX_RETENTION + " failed; it is retried at the next tick", e);
        }
    }
}
