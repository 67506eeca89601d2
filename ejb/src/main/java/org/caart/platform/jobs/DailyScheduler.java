package org.caart.platform.jobs;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Ticks every hour (a non-persistent timer: Payara Micro keeps persistent timers only in memory) and lets each
 * {@link DailyJob} the components provide decide from the ledger whether it is due. Missing a tick is harmless:
 * the next one catches up.
 */
@Singleton
@DependsOn("SchemaMigration")
public class DailyScheduler {

    private static final System.Logger LOG = System.getLogger(DailyScheduler.class.getName());

    @Inject
    @Any
    Instance<DailyJob> jobs;

    @Schedule(hour = "*", minute = "7", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void tick() {
        for (DailyJob job : jobs) {
            try {
                job.runDue();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Daily job " + job + " failed; it is retried at the next tick", e);
            }
        }
    }
}
