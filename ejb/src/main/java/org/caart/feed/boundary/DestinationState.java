package org.caart.feed.boundary;

import java.time.OffsetDateTime;
import org.caart.feed.entity.FeedDestination;

/**
 * A destination with where its delivery stands: {@code state} is OFF, DELIVERING (nothing waiting), BEHIND (events
 * waiting, no failure) or RETRYING (the last attempts failed; {@code nextAttempt} says when it tries again);
 * {@code waiting}: events numbered after the last one the receiver is known to have.
 */
public record DestinationState(long id, long companyId, String companyName, String name, String host, int port,
        boolean tls, boolean customCa, String payload, boolean enabled, String state, long deliveredSeq,
        long latestSeq, long waiting, OffsetDateTime deliveredAt, int failures, OffsetDateTime failingSince,
        String lastError, OffsetDateTime lastErrorAt, OffsetDateTime nextAttempt) implements java.io.Serializable {

    static DestinationState of(FeedDestination d, String companyName, long latest) {
        long waiting = Math.max(0, latest - d.getDeliveredSeq());
        String state = !d.isEnabled() ? "OFF" : d.getFailures() > 0 ? "RETRYING" : waiting > 0 ? "BEHIND"
                : "DELIVERING";
        return new DestinationState(d.getId(), d.getCompanyId(), companyName, d.getName(), d.getHost(), d.getPort(),
                d.isTls(), d.getCaPem() != null, d.getPayload().name(), d.isEnabled(), state, d.getDeliveredSeq(),
                latest, waiting, d.getDeliveredAt(), d.getFailures(), d.getFailingSince(), d.getLastError(),
                d.getLastErrorAt(), d.getNextAttempt());
    }
}
