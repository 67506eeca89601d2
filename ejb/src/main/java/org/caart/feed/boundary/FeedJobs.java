package org.caart.feed.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.caart.platform.FeedSnapshotDue;
import org.caart.platform.jobs.JobLedger;

/**
 * The feed's daily work, each company in its own transaction: the full snapshot for companies that asked for it
 * (job {@code feed-snapshot}, once per UTC day), and removing events older than the days kept that every enabled
 * destination has had (job {@code feed-retention}).
 */
@Stateless
public class FeedJobs {

    static final String SNAPSHOT = "feed-snapshot";
    private static final System.Logger LOG = System.getLogger(FeedJobs.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    JobLedger ledger;

    @Inject
    Clock clock;

    @Inject
    Event<FeedSnapshotDue> snapshots;

    public List<Long> snapshotCompanies() {
        return em.createQuery("SELECT s.companyId FROM FeedSettings s WHERE s.enabled = TRUE "
                + "AND s.snapshotDaily = TRUE ORDER BY s.companyId", Long.class).getResultList();
    }

    /** The company's snapshot of today (UTC), unless it was taken; false when it was. */
    public boolean snapshotIfDue(long companyId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        if (!ledger.claim(SNAPSHOT, companyId, today)) {
            return false;
        }
        long before = count(companyId);
        snapshots.fire(new FeedSnapshotDue(companyId, now));
        long added = count(companyId) - before;
        ledger.finish(SNAPSHOT, companyId, today, added + " current result(s)");
        LOG.log(Level.INFO, "Feed snapshot of company {0}: {1} current result(s)", companyId, added);
        return true;
    }

    private long count(long companyId) {
        em.flush();
        return em.createQuery("SELECT COUNT(e) FROM FeedRecord e WHERE e.companyId = :company AND e.seq IS NULL",
                Long.class).setParameter("company", companyId).getSingleResult();
    }

    /** Removes events older than {@code keepDays} that every enabled destination of their company has had. */
    public int removeOld(int keepDays) {
        OffsetDateTime before = OffsetDateTime.now(clock).minusDays(keepDays);
        return em.createNativeQuery("DELETE FROM feed_event WHERE occurred_at < ? AND seq IS NOT NULL "
                        + "AND seq <= COALESCE((SELECT MIN(d.delivered_seq) FROM feed_destination d "
                        + "WHERE d.company_id = feed_event.company_id AND d.enabled = TRUE), seq)")
                .setParameter(1, before).executeUpdate();
    }
}
