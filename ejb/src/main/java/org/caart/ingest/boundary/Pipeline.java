package org.caart.ingest.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caart.ingest.entity.PipelineProbe;

/** The operator's end-to-end check of the ingest pipeline: REST, JMS queue, message-driven bean, database. */
@Stateless
public class Pipeline {

    static final String PROBE = "probe";
    static final String SENT_AT = "probeSentAt";

    @PersistenceContext
    EntityManager em;

    @Inject
    IngestQueue queue;

    @Inject
    Clock clock;

    /** Sends a probe; once this returns the message is in the broker. The consumer stores it. */
    @RolesAllowed("OPERATOR")
    public PipelineProbe sendProbe() {
        PipelineProbe probe = new PipelineProbe(UUID.randomUUID().toString(), OffsetDateTime.now(clock));
        queue.send(PROBE, probe.getId(), Map.of(SENT_AT, probe.getSentAt().toString()));
        return probe;
    }

    @RolesAllowed("OPERATOR")
    public Optional<PipelineProbe> findProbe(String id) {
        return Optional.ofNullable(em.find(PipelineProbe.class, id));
    }

    /** What waits in the dead-letter queue: unreadable messages and those whose redeliveries ran out. */
    @RolesAllowed("OPERATOR")
    public List<DeadLetter> deadLetters(int max) {
        return queue.browseDeadLetters(max);
    }

    /**
     * Called by the consumer for every delivery. The row is claimed with {@code INSERT ... ON CONFLICT DO NOTHING},
     * which never throws on a repeat, so a redelivered probe only counts one more delivery.
     */
    @PermitAll
    public void probeReceived(String id, OffsetDateTime sentAt) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int claimed = em.createNativeQuery("INSERT INTO pipeline_probe (id, sent_at, received_at, deliveries) "
                        + "VALUES (?, ?, ?, 1) ON CONFLICT DO NOTHING")
                .setParameter(1, id).setParameter(2, sentAt).setParameter(3, now)
                .executeUpdate();
        if (claimed == 0) {
            em.find(PipelineProbe.class, id).received(now);
        }
    }
}
