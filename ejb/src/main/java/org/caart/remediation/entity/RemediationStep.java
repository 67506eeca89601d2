package org.caart.remediation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;

/**
 * The server's journal of a remediation item: one row each time an agent reported a new state for it, with the
 * before and after values of that report. Rows are only ever added, so every before value the agent sent is kept
 * whatever happens to the item afterwards.
 */
@Entity
@Table(name = "remediation_step")
public class RemediationStep {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "remediation_step_seq")
    @SequenceGenerator(name = "remediation_step_seq", sequenceName = "remediation_step_seq", allocationSize = 50)
    private Long id;

    @Column(name = "item_id", nullable = false, updatable = false)
    private long itemId;

    @Column(name = "order_id", nullable = false, length = 36, updatable = false)
    private String orderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 10, updatable = false)
    private RemediationAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20, updatable = false)
    private RemediationItemState state;

    @Column(name = "before_value", length = RemediationItem.TEXT_MAX, updatable = false)
    private String before;

    @Column(name = "after_value", length = RemediationItem.TEXT_MAX, updatable = false)
    private String after;

    @Column(name = "message", length = RemediationOrder.MESSAGE_MAX, updatable = false)
    private String message;

    /** The agent's time of the change, as it sent it. */
    @Column(name = "reported_at", length = 40, updatable = false)
    private String reportedAt;

    @Column(name = "received_at", nullable = false, updatable = false)
    private OffsetDateTime receivedAt;

    protected RemediationStep() {
    }

    public RemediationStep(long itemId, RemediationOrder order, RemediationItemReport report, OffsetDateTime now) {
        this.itemId = itemId;
        this.orderId = order.getId();
        this.action = order.getAction();
        this.state = report.state();
        this.before = RemediationItem.cut(report.before(), RemediationItem.TEXT_MAX);
        this.after = RemediationItem.cut(report.after(), RemediationItem.TEXT_MAX);
        this.message = RemediationItem.cut(report.message(), RemediationOrder.MESSAGE_MAX);
        this.reportedAt = RemediationItem.cut(report.at(), 40);
        this.receivedAt = now;
    }

    public long getItemId() {
        return itemId;
    }

    public String getOrderId() {
        return orderId;
    }

    public RemediationAction getAction() {
        return action;
    }

    public RemediationItemState getState() {
        return state;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }

    public String getMessage() {
        return message;
    }

    public String getReportedAt() {
        return reportedAt;
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }
}
