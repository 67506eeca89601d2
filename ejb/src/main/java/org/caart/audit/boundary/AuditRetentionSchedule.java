package org.caart.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.caart.platform.jobs.DailyJob;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The daily {@code audit-retention} job: after the platform hour (UTC), each company that limits how long it keeps
 * its audits loses those past it, each company in its own transaction. */
@ApplicationScoped
public class AuditRetentionSchedule implements DailyJob {

    private static final System.Logger LOG = System.getLogger(AuditRetentionSchedule.class.getName());

    @Inject
    AuditRetention retention;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "caart.jobs.platform-hour-utc", defaultValue = "3")
    int platformHourUtc;

    @Override
    public void runDue() {
        if (LocalTime.now(clock.withZone(ZoneOffset.UTC)).isBefore(LocalTime.of(platformHourUtc, 0))) {
            return;
        }
        for (long companyId : retention.limited()) {
            try {
                retention.applyIfDue(companyId);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Audit retention of company " + companyId + " failed; retried at the next tick",
                        e);
            }
        }
    }
}
