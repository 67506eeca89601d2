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
import java.time.OffsetDateTime;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.Severity;

/**
 * One check's outcome on one endpoint in one audit run, with the evidence the agent reported; the check's texts
 * are a shared {@link CheckText}. Read-only here: the ingest writes the rows in bulk ({@code ResultRows}), with
 * ids from the same sequence and allocation.
 */
@Entity
@Table(name = "check_result")
public class CheckResult {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "check_result_seq")
    @SequenceGenerator(name = "check_result_seq", sequenceName = "check_result_seq", allocationSize = 500)
    private Long id;

    @Column(name = "run_id", nullable = false, length = 36)
    private String runId;

    /** The run's audit, written with the row (the audit page reads an audit's results in check order by it). */
    @Column(name = "audit_id")
    private Long auditId;

    @Column(name = "company_id", nullable = false)
    private long companyId;

    @Column(name = "check_id", nullable = false, length = 120)
    private String checkId;

    @Column(name = "title", nullable = false, length = 500)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private CheckStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", length = 20)
    private Severity severity;

    @Column(name = "reason", length = 2000)
    private String reason;

    @Column(name = "expected", length = 4000)
    private String expected;

    @Column(name = "observed", length = 4000)
    private String observed;

    /** References, description, rationale and remediation, shared by every result that carries the same. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "text_id")
    private CheckText text;

    @Column(name = "duration_micros", nullable = false)
    private long durationMicros;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    protected CheckResult() {
    }

    public Long getId() {
        return id;
    }

    public String getRunId() {
        return runId;
    }

    public String getCheckId() {
        return checkId;
    }

    public String getTitle() {
        return title;
    }

    public CheckStatus getStatus() {
        return status;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getRefs() {
        return text == null ? null : text.getRefs();
    }

    public String getReason() {
        return reason;
    }

    public String getExpected() {
        return expected;
    }

    public String getObserved() {
        return observed;
    }

    public String getDescription() {
        return text == null ? null : text.getDescription();
    }

    public String getRationale() {
        return text == null ? null : text.getRationale();
    }

    public String getRemediation() {
        return text == null ? null : text.getRemediation();
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }
}
