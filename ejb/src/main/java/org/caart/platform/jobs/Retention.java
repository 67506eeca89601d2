package org.caart.platform.jobs;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's own daily job ({@code outbox-retention}, scope 0): once a day after the platform hour (UTC) it
 * fires {@link RetentionDue}, and the components remove what they keep only for a while (delivered mail, idle
 * sign-in throttles). Claim, work and outcome are one transaction.
 */
@Stateless
public class Retention implements DailyJob {

    static final String JOB = "outbox-retention";
    private static final System.Logger LOG = System.getLogger(Retention.class.getName());

    @Inject
    JobLedger ledger;

    @Inject
    Event<RetentionDue> due;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "caart.jobs.platform-hour-utc", defaultValue = "3")
    int platformHourUtc;

    @Override
    public void runDue() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        LocalDate today = now.toLocalDate();
        if (now.toLocalTime().isBefore(LocalTime.of(platformHourUtc, 0)) || !ledger.claim(JOB, 0, today)) {
            return;
        }
        RetentionDue retention = new RetentionDue();
        due.fire(retention);
        String detail = retention.summary();
        ledger.finish(JOB, 0, today, detail);
        LOG.log(Level.INFO, "Daily job {0} for {1}: {2}", JOB, today, detail);
    }
}
