package org.caart.platform.jobs;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.caart.account.boundary.Accounts;
import org.caart.mail.boundary.Outbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's daily jobs, each run at most once per day whatever the number of ticks or instances. Each
 * job is one transaction: claim in the ledger, do the work, record the outcome.
 */
@Stateless
public class DailyJobs {

    static final String OUTBOX_RETENTION = "outbox-retention";
    private static final System.Logger LOG = System.getLogger(DailyJobs.class.getName());

    @jakarta.persistence.PersistenceContext
    jakarta.persistence.EntityManager em;

    @Inject
    JobLedger ledger;

    @Inject
    Outbox outbox;

    @Inject
    Accounts accounts;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "caart.jobs.platform-hour-utc", defaultValue = "3")
    int platformHourUtc;

    /** The ids of all companies, for the per-company daily jobs. */
    public java.util.List<Long> companies() {
        return em.createQuery("SELECT c.id FROM Company c ORDER BY c.id", Long.class).getResultList();
    }

    /**
     * Removes delivered mail older than the retention period and sign-in failures that no longer matter, once a day
     * after the platform hour (UTC).
     */
    public boolean purgeOutboxIfDue() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        LocalDate today = now.toLocalDate();
        if (now.toLocalTime().isBefore(LocalTime.of(platformHourUtc, 0)) || !ledger.claim(OUTBOX_RETENTION, 0, today)) {
            return false;
        }
        int removed = outbox.purgeDelivered();
        int throttles = accounts.purgeIdleThrottles();
        String detail = removed + " delivered mail(s) removed, " + throttles + " idle sign-in throttle row(s) removed";
        ledger.finish(OUTBOX_RETENTION, 0, today, detail);
        LOG.log(Level.INFO, "Daily job {0} for {1}: {2}", OUTBOX_RETENTION, today, detail);
        return true;
    }
}
