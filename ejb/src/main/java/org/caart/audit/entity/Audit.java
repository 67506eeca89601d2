package org.caart.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.caart.account.entity.UserAccount;
import org.caart.company.entity.Company;

/**
 * One audit of a company's endpoints against a policy (the requirements' "stream"). It is created pending,
 * runs while results arrive, and ends completed or stopped; a stopped audit keeps its partial results. Stopping is
 * {@link #stop}; starting with the first batch and completing with the last run's end are set-based statements in
 * {@code audit.control.AuditProgress}, the one home of those transitions, because the batches of one audit are
 * applied by several consumers at once and must not overwrite each other's counts.
 */
@Entity
@Table(name = "audit")
public class Audit {

    public static final int TITLE_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_seq")
    @SequenceGenerator(name = "audit_seq", sequenceName = "audit_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "company_id", nullable = false)
    private Company company;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    private UserAccount createdBy;

    @Size(max = TITLE_MAX)
    @Column(name = "title", nullable = false, length = TITLE_MAX)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private AuditStatus status = AuditStatus.PENDING;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "policy_choice", length = 120)
    private String policyChoice;

    @Column(name = "stop_requested_at")
    private OffsetDateTime stopRequestedAt;

    @Version
    private long version;

    protected Audit() {
    }

    public Audit(Company company, UserAccount createdBy, String title, String policyChoice,
            OffsetDateTime createdAt) {
        this.policyChoice = policyChoice;
        this.company = Objects.requireNonNull(company, "company");
        this.createdBy = createdBy;
        this.title = Objects.requireNonNull(title, "title");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Stop asked for: the audit counts as stopped now; runs still going end at their next check. */
    public void stop(OffsetDateTime at) {
        if (status == AuditStatus.PENDING || status == AuditStatus.RUNNING) {
            status = AuditStatus.STOPPED;
            finishedAt = at;
            stopRequestedAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public Company getCompany() {
        return company;
    }

    public String getTitle() {
        return title;
    }

    public AuditStatus getStatus() {
        return status;
    }

    public String getPolicyChoice() {
        return policyChoice;
    }

    public UserAccount getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
