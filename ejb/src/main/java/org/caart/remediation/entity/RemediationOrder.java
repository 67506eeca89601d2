package org.caart.remediation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.caart.contract.agent.v1.RemediationAction;

/**
 * One order to one endpoint's agent (PLAN, APPLY or ROLLBACK of an APPLY order): its items, and how far the agent
 * got. It is sent on every poll until a finished report arrives; reports count by their sequence, so an older or
 * repeated one changes nothing.
 */
@Entity
@Table(name = "remediation_order")
public class RemediationOrder {

    public static final int MESSAGE_MAX = 2000;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "remediation_id", nullable = false, updatable = false)
    private long remediationId;

    @Column(name = "company_id", nullable = false, updatable = false)
    private long companyId;

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    private long endpointId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 10, updatable = false)
    private RemediationAction action;

    @Column(name = "rollback_of", length = 36, updatable = false)
    private String rollbackOf;

    /** The ids of the order's items, comma-separated, in the order they are sent. */
    @Column(name = "item_ids", nullable = false, length = 100000, updatable = false)
    private String itemIds;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private OrderStatus status = OrderStatus.SENT;

    @Column(name = "last_sequence", nullable = false)
    private int lastSequence = -1;

    @Column(name = "remediation_allowed")
    private Boolean remediationAllowed;

    @Column(name = "message", length = MESSAGE_MAX)
    private String message;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "taken_at")
    private OffsetDateTime takenAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Version
    private long version;

    protected RemediationOrder() {
    }

    public RemediationOrder(Remediation remediation, long endpointId, RemediationAction action, String rollbackOf,
            List<Long> items, OffsetDateTime now) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("An order has at least one item");
        }
        if ((action == RemediationAction.ROLLBACK) != (rollbackOf != null)) {
            throw new IllegalArgumentException("Exactly a ROLLBACK order names the order it rolls back");
        }
        this.id = UUID.randomUUID().toString();
        this.remediationId = remediation.getId();
        this.companyId = remediation.getCompanyId();
        this.endpointId = endpointId;
        this.action = Objects.requireNonNull(action, "action");
        this.rollbackOf = rollbackOf;
        this.itemIds = items.stream().map(String::valueOf).collect(Collectors.joining(","));
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    /**
     * Takes a report's order-level facts when it is newer than the last one taken.
     *
     * @return whether the report is newer (older and repeated reports change nothing)
     */
    public boolean report(int sequence, boolean finished, boolean allowed, String text, OffsetDateTime now) {
        if (sequence <= lastSequence || status == OrderStatus.FINISHED || status == OrderStatus.CANCELLED) {
            return false;
        }
        lastSequence = sequence;
        remediationAllowed = allowed;
        message = text;
        if (takenAt == null) {
            takenAt = now;
        }
        status = finished ? OrderStatus.FINISHED : OrderStatus.TAKEN;
        if (finished) {
            finishedAt = now;
        }
        return true;
    }

    public void cancel() {
        if (status == OrderStatus.SENT) {
            status = OrderStatus.CANCELLED;
        }
    }

    public boolean isOpen() {
        return status == OrderStatus.SENT || status == OrderStatus.TAKEN;
    }

    public List<Long> itemIds() {
        return Arrays.stream(itemIds.split(",")).map(Long::valueOf).toList();
    }

    public String getId() {
        return id;
    }

    public long getRemediationId() {
        return remediationId;
    }

    public long getCompanyId() {
        return companyId;
    }

    public long getEndpointId() {
        return endpointId;
    }

    public RemediationAction getAction() {
        return action;
    }

    public String getRollbackOf() {
        return rollbackOf;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public Boolean getRemediationAllowed() {
        return remediationAllowed;
    }

    public String getMessage() {
        return message;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }
}
