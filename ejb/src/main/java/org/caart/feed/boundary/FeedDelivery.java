package org.caart.feed.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.caart.feed.entity.FeedDestination;

/**
 * The transactions of delivery ({@link FeedScheduler} runs outside any): which destinations are due, who delivers
 * each (a lease, so one instance of a cluster sends to a receiver at a time, and another takes over when it stops),
 * what the receiver is known to have, and failures with their back-off.
 */
@Stateless
public class FeedDelivery {

    static final Duration LEASE = Duration.ofSeconds(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** What a sender needs of a destination. */
    public record Target(long id, long companyId, String host, int port, boolean tls, String caPem, String payload,
            long deliveredSeq, int failures) {

        boolean sameLink(Target other) {
            return other.host.equals(host) && other.port == port && other.tls == tls
                    && java.util.Objects.equals(other.caPem, caPem) && other.payload.equals(payload);
        }
    }

    /** The enabled destinations that are not waiting out a back-off and not leased by another instance. */
    public List<Target> due(String owner) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT id FROM feed_destination WHERE enabled = TRUE "
                        + "AND (next_attempt IS NULL OR next_attempt <= ?) "
                        + "AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)")
                .setParameter(1, now).setParameter(2, owner).setParameter(3, now).getResultList();
        return rows.stream().map(r -> em.find(FeedDestination.class, ((Number) r).longValue()))
                .filter(d -> d != null).map(FeedDelivery::target).toList();
    }

    /** Takes or renews the lease; false when another instance holds it or the destination is off or gone. */
    public boolean lease(long destinationId, String owner) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return em.createNativeQuery("UPDATE feed_destination SET lease_owner = ?, lease_until = ? WHERE id = ? "
                        + "AND enabled = TRUE AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)")
                .setParameter(1, owner).setParameter(2, now.plus(LEASE)).setParameter(3, destinationId)
                .setParameter(4, owner).setParameter(5, now).executeUpdate() == 1;
    }

    /** The receiver has everything up to {@code seq}. */
    public void confirmed(long destinationId, long seq) {
        FeedDestination d = em.find(FeedDestination.class, destinationId, LockModeType.PESSIMISTIC_WRITE);
        if (d != null) {
            d.delivered(seq, OffsetDateTime.now(clock));
        }
    }

    /** A failure: the next attempt after the back-off, by whichever instance comes first. Returns the failures. */
    public int failed(long destinationId, String error) {
        FeedDestination d = em.find(FeedDestination.class, destinationId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            return 0;
        }
        d.failed(error, OffsetDateTime.now(clock));
        em.flush();
        release(destinationId);
        return d.getFailures();
    }

    public void release(long destinationId) {
        em.createNativeQuery("UPDATE feed_destination SET lease_owner = NULL, lease_until = NULL WHERE id = ?")
                .setParameter(1, destinationId).executeUpdate();
    }

    private static Target target(FeedDestination d) {
        return new Target(d.getId(), d.getCompanyId(), d.getHost(), d.getPort(), d.isTls(), d.getCaPem(),
                d.getPayload().name(), d.getDeliveredSeq(), d.getFailures());
    }
}
