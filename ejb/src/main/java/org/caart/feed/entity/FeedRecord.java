package org.caart.feed.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A stored feed event (read-only here: events are written set-based by {@code Feed} and numbered by its
 * sequencer). {@code seq} is null until the sequencer numbered it.
 */
@Entity
@Table(name = "feed_event")
public class FeedRecord {

    @Id
    private Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    private long companyId;

    @Column(name = "seq", updatable = false)
    private Long seq;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "type", nullable = false, updatable = false, length = 40)
    private String type;

    @Column(name = "severity", nullable = false, updatable = false, length = 20)
    private String severity;

    @Column(name = "endpoint_id", updatable = false)
    private Long endpointId;

    @Column(name = "hostname", updatable = false, length = 255)
    private String hostname;

    @Column(name = "policy", updatable = false, length = 200)
    private String policy;

    @Column(name = "check_id", updatable = false, length = 120)
    private String checkId;

    @Column(name = "subject", nullable = false, updatable = false, length = 500)
    private String subject;

    @Column(name = "before_value", updatable = false, length = 2000)
    private String before;

    @Column(name = "after_value", updatable = false, length = 2000)
    private String after;

    @Column(name = "detail", updatable = false, length = 2000)
    private String detail;

    protected FeedRecord() {
    }
}
