package org.caart.ingest.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.caart.ingest.entity.PipelineProbe;

/** The operator's end-to-end check of the ingest pipeline: REST, JMS queue, message-driven bean, database. */
@Stateless
public class Pipeline {

    static final String PROBE = "probe";

    @PersistenceContext
    EntityManager em;

    @Inject
    IngestQueue queue;

    @Inject
    Clock clock;

    @RolesAllowed("OPERATOR")
    public PipelineProbe sendProbe() {
        PipelineProbe probe = new PipelineProbe(UUID.randomUUID().toString(), OffsetDateTime.now(clock));
        em.persist(probe);
        queue.send(PROBE, probe.getId());
        return probe;
    }

    @RolesAllowed("OPERATOR")
    public Optional<PipelineProbe> findProbe(String id) {
        return Optional.ofNullable(em.find(PipelineProbe.class, id));
    }

    /** Called by the consumer; idempotent, so a redelivered message changes nothing but the delivery count. */
    @PermitAll
    public void probeReceived(String id) {
        PipelineProbe probe = em.find(PipelineProbe.class, id);
        if (probe != null) {
            probe.received(OffsetDateTime.now(clock));
        }
    }
}
