package org.caart.waiver.boundary;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Every 15 seconds (a non-persistent timer, never on a read or ingest path): exceptions past their expiry end, and
 * approved exceptions are compared with the failing results of the runs completed since the last tick
 * ({@link WaiverChecks}, in a transaction of its own; the tick itself runs without one, like the daily jobs). Scores and EXCEPTED marks do not wait for it: they only ever count exceptions in force
 * for the values they were granted for.
 */
@Singleton
@DependsOn("SchemaMigration")
public class WaiverScheduler {

    private static final System.Logger LOG = System.getLogger(WaiverScheduler.class.getName());

    @Inject
    WaiverChecks checks;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void tick() {
        try {
            checks.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Exception check failed; it is retried at the next tick", e);
        }
    }
}
