package org.caart.ingest.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A diagnostic message sent through the ingest queue by the platform operator: it proves that what the REST
 * layer enqueues is consumed by the message-driven bean and stored, exactly as agent reports are. The row is
 * written by the consumer; {@link #deliveries} counts redeliveries, which change nothing else.
 */
@Entity
@Table(name = "pipeline_probe")
public class PipelineProbe {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "sent_at", nullable = false)
    private OffsetDateTime sentAt;

    @Column(name = "received_at")
    private OffsetDateTime receivedAt;

    @Column(name = "deliveries", nullable = false)
    private int deliveries;

    protected PipelineProbe() {
    }

    public PipelineProbe(String id, OffsetDateTime sentAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.sentAt = Objects.requireNonNull(sentAt, "sentAt");
    }

    /** Consumed; a redelivered copy only counts, the first arrival time stays. */
    public void received(OffsetDateTime at) {
        deliveries++;
        if (receivedAt == null) {
            receivedAt = at;
        }
    }

    public String getId() {
        return id;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }

    public int getDeliveries() {
        return deliveries;
    }
}
