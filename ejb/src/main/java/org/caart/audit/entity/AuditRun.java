package org.caart.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.caart.endpoint.entity.Endpoint;

/**
 * One endpoint's part of an audit; its id is the {@code runId} the agent streams results for. Counters and status
 * change only through set-based updates as batches are applied (several consumers may apply batches of one run at
 * once), so this entity is read, not edited, after it is created.
 */
@Entity
@Table(name = "audit_run")
public class AuditRun {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "audit_id", nullable = false)
    private Audit audit;

    @Column(name = "company_id", nullable = false)
    private long companyId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "endpoint_id", nullable = false)
    private Endpoint endpoint;

    @Column(name = "policy_id", nullable = false, length = 120)
    private String policyId;

    @Column(name = "policy_name", nullable = false, length = 200)
    private String policyName;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private RunStatus status = RunStatus.QUEUED;

    @Column(name = "planned", nullable = false)
    private int planned;

    @Column(name = "received", nullable = false)
    private int received;

    @Column(name = "passed", nullable = false)
    private int passed;

    @Column(name = "failed", nullable = false)
    private int failed;

    @Column(name = "not_applicable", nullable = false)
    private int notApplicable;

    @Column(name = "errors", nullable = false)
    private int errors;

    @Column(name = "not_run", nullable = false)
    private int notRun;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "start_deadline", nullable = false)
    private OffsetDateTime startDeadline;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "stop_requested", nullable = false)
    private boolean stopRequested;

    @Column(name = "error", length = 1000)
    private String error;

    protected AuditRun() {
    }

    public AuditRun(String id, Audit audit, Endpoint endpoint, String policyId, String policyName,
            OffsetDateTime createdAt, OffsetDateTime startDeadline) {
        this.id = Objects.requireNonNull(id, "id");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.companyId = audit.getCompany().getId();
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.policyId = policyId;
        this.policyName = policyName;
        this.createdAt = createdAt;
        this.startDeadline = startDeadline;
    }

    /** The run's {@link Score}: none until it completed, or while nothing passed or failed. */
    public Double score() {
        return Score.ofRun(status, passed, failed);
    }

    /** How the run's score reads: the percentage once completed, else what the run is ({@link Score#label}). */
    public String scoreLabel() {
        return Score.label(status, passed, failed);
    }

    /** The run's score with exceptions: {@code excepted} of its failed checks count as passed ({@link Score}). */
    public Double score(int excepted) {
        return Score.ofRun(status, passed, failed, excepted);
    }

    public String scoreLabel(int excepted) {
        return Score.label(status, passed, failed, excepted);
    }

    public String getId() {
        return id;
    }

    public Audit getAudit() {
        return audit;
    }

    public long getCompanyId() {
        return companyId;
    }

    public Endpoint getEndpoint() {
        return endpoint;
    }

    public String getPolicyId() {
        return policyId;
    }

    public String getPolicyName() {
        return policyName;
    }

    public RunStatus getStatus() {
        return status;
    }

    public int getPlanned() {
        return planned;
    }

    public int getReceived() {
        return received;
    }

    public int getPassed() {
        return passed;
    }

    public int getFailed() {
        return failed;
    }

    public int getNotApplicable() {
        return notApplicable;
    }

    public int getErrors() {
        return errors;
    }

    public int getNotRun() {
        return notRun;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }

    public boolean isStopRequested() {
        return stopRequested;
    }

    public String getError() {
        return error;
    }
}
