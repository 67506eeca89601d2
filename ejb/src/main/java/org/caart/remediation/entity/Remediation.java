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
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.caart.platform.ConflictException;

/**
 * What a member ordered to fix: failing checks of one company, on one or several endpoints. It is planned first
 * (nothing changes on the hosts), then approved, by a second member when the company asks for it (the requester
 * never approves their own order), then applied; applied items can be rolled back.
 */
@Entity
@Table(name = "remediation")
public class Remediation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "remediation_seq")
    @SequenceGenerator(name = "remediation_seq", sequenceName = "remediation_seq", allocationSize = 50)
    private Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    private long companyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private RemediationStatus status = RemediationStatus.PLANNING;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private long requestedBy;

    @Column(name = "requested_by_email", nullable = false, length = 254, updatable = false)
    private String requestedByEmail;

    @Column(name = "approval_required", nullable = false, updatable = false)
    private boolean approvalRequired;

    @Column(name = "approved_by")
    private Long approvedBy;

    @Column(name = "approved_by_email", length = 254)
    private String approvedByEmail;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Remediation() {
    }

    public Remediation(long companyId, long requestedBy, String requestedByEmail, boolean approvalRequired,
            OffsetDateTime now) {
        this.companyId = companyId;
        this.requestedBy = requestedBy;
        this.requestedByEmail = Objects.requireNonNull(requestedByEmail, "requestedByEmail");
        this.approvalRequired = approvalRequired;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.updatedAt = now;
    }

    /**
     * Approves the plan: only a PLANNED remediation, and, when the company asks for a second member, not by the
     * member who requested it.
     */
    public void approve(long memberId, String email, OffsetDateTime now) {
        if (status != RemediationStatus.PLANNED) {
            throw new ConflictException(status == RemediationStatus.PLANNING
                    ? "The plan is not complete yet: wait until every endpoint has answered"
                    : "Only a planned remediation can be approved; this one is " + status);
        }
        if (approvalRequired && memberId == requestedBy) {
            throw new ConflictException("You requested this remediation, so another member with the "
                    + "ORDER_REMEDIATION permission must approve it");
        }
        this.approvedBy = memberId;
        this.approvedByEmail = email;
        this.approvedAt = now;
        moveTo(RemediationStatus.APPLYING, now);
    }

    public void cancel(OffsetDateTime now) {
        if (status != RemediationStatus.PLANNING && status != RemediationStatus.PLANNED) {
            throw new ConflictException("Only a remediation not yet approved can be cancelled; this one is " + status);
        }
        moveTo(RemediationStatus.CANCELLED, now);
    }

    public void rollingBack(OffsetDateTime now) {
        if (status != RemediationStatus.DONE && status != RemediationStatus.APPLYING
                && status != RemediationStatus.ROLLING_BACK) {
            throw new ConflictException("Only an applied remediation can be rolled back; this one is " + status);
        }
        moveTo(RemediationStatus.ROLLING_BACK, now);
    }

    /** Every plan is in: PLANNED when something can be fixed, else NOTHING_TO_FIX. */
    public void planned(boolean anythingToFix, OffsetDateTime now) {
        if (status == RemediationStatus.PLANNING) {
            moveTo(anythingToFix ? RemediationStatus.PLANNED : RemediationStatus.NOTHING_TO_FIX, now);
        }
    }

    /** Every apply or rollback order sent has finished. */
    public void done(OffsetDateTime now) {
        if (status == RemediationStatus.APPLYING || status == RemediationStatus.ROLLING_BACK) {
            moveTo(RemediationStatus.DONE, now);
        }
    }

    public void touched(OffsetDateTime now) {
        this.updatedAt = now;
    }

    private void moveTo(RemediationStatus next, OffsetDateTime now) {
        this.status = next;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getCompanyId() {
        return companyId;
    }

    public RemediationStatus getStatus() {
        return status;
    }

    public long getRequestedBy() {
        return requestedBy;
    }

    public String getRequestedByEmail() {
        return requestedByEmail;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public String getApprovedByEmail() {
        return approvedByEmail;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getApprovedAt() {
        return approvedAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
