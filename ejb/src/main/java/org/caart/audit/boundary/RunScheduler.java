package org.caart.audit.boundary;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.caart.audit.control.AuditProgress;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps run states true without writing on read paths: every 15 seconds (a non-persistent timer), runs past their
 * start deadline end FAILED_TO_START, and running runs that received nothing for
 * {@code caart.audit.silent-run-minutes} end FAILED with the reason, their results kept; an audit whose runs have
 * all ended completes. Both are set-based statements, harmless when two instances tick on one database.
 */
@Singleton
@DependsOn("SchemaMigration")
public class RunScheduler {

    @Inject
    AuditProgress progress;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "caart.audit.silent-run-minutes", defaultValue = "30")
    int silentRunMinutes;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    public void tick() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        progress.failOverdueStarts(now);
        progress.failSilentRuns(now, silentRunMinutes);
    }
}
