package org.caart.remediation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A company's remediation setting: whether a second member must approve each remediation. A company without a
 * row asks for approval (the default); only an owner changes it.
 */
@Entity
@Table(name = "remediation_setting")
public class RemediationSetting {

    @Id
    @Column(name = "company_id")
    private long companyId;

    @Column(name = "approval_required", nullable = false)
    private boolean approvalRequired = true;

    @Column(name = "changed_by", nullable = false, length = 254)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    protected RemediationSetting() {
    }

    public RemediationSetting(long companyId) {
        this.companyId = companyId;
    }

    public void requireApproval(boolean required, String by, OffsetDateTime now) {
        this.approvalRequired = required;
        this.changedBy = by;
        this.changedAt = now;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }
}
