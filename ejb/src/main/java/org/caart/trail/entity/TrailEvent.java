package org.caart.trail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One line of the security audit trail: who did what, to what, when and from where. Written once, never
 * changed. Company-less events (sign-in, operator actions) have no company.
 */
@Entity
@Table(name = "trail_event")
public class TrailEvent {

    public static final int DETAIL_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trail_event_seq")
    @SequenceGenerator(name = "trail_event_seq", sequenceName = "trail_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "company_id")
    private Long companyId;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "actor", length = 254)
    private String actor;

    @Column(name = "action", nullable = false, length = 60)
    private String action;

    @Column(name = "target", length = 200)
    private String target;

    @Column(name = "detail", length = DETAIL_MAX)
    private String detail;

    @Column(name = "source_address", length = 64)
    private String sourceAddress;

    protected TrailEvent() {
    }

    public TrailEvent(OffsetDateTime occurredAt, Long companyId, Long actorId, String actor, String action,
            String target, String detail, String sourceAddress) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.companyId = companyId;
        this.actorId = actorId;
        this.actor = cut(actor, 254);
        this.action = Objects.requireNonNull(action, "action");
        this.target = cut(target, 200);
        this.detail = cut(detail, DETAIL_MAX);
        this.sourceAddress = cut(sourceAddress, 64);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public OffsetDateTime getOccurredAt() {
        return occurredAt;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetail() {
        return detail;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }
}
