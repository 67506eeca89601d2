package org.caart.feed.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.caart.platform.jobs.DailyJob;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The feed's daily jobs after the platform hour (UTC): each company's snapshot ({@code caart.feed.snapshot} on its
 * feed page), then the removal of events older than {@code caart.feed.keep-days} (30) that were delivered.
 */
@ApplicationScoped
public class FeedSchedule implements DailyJob {

    private static final System.Logger LOG = System.getLogger(FeedSchedule.class.getName());

    @Inject
    FeedJobs jobs;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "caart.jobs.platform-hour-utc", defaultValue = "3")
    int platformHourUtc;

    @Inject
    @ConfigProperty(name = "caart.feed.keep-days", defaultValue = "30")
    int keepDays;

    @Override
    public void runDue() {
        if (LocalTime.now(clock.withZone(ZoneOffset.UTC)).isBefore(LocalTime.of(platformHourUtc, 0))) {
            return;
        }
        for (long companyId : jobs.snapshotCompanies()) {
            try {
                jobs.snapshotIfDue(companyId);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Feed snapshot of company " + companyId + " failed; retried at the next tick", e);
            }
        }
        int removed = jobs.removeOld(Math.max(1, keepDays));
        if (removed > 0) {
            LOG.log(Level.INFO, "Feed: removed {0} delivered event(s) older than {1} days", removed, keepDays);
        }
    }
}
