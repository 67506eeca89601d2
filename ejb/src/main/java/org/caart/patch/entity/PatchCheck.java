package org.caart.patch.entity;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/** One evaluation of a company's devices: the daily check or one an admin ran, with what it found and sent. */
@Entity
@Table(name = "patch_check")
public class PatchCheck {

    public enum Kind {
        DAILY, MANUAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patch_check_seq")
    @SequenceGenerator(name = "patch_check_seq", sequenceName = "patch_check_seq", allocationSize = 50)
    private Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    private long companyId;

    @Column(name = "run_date", nullable = false, updatable = false)
    private LocalDate runDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 10, updatable = false)
    private Kind kind;

    @Column(name = "actor", length = 254, updatable = false)
    private String actor;

    @Column(name = "started_at", nullable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "devices", nullable = false)
    private int devices;

    @Column(name = "current_count", nullable = false)
    private int current;

    @Column(name = "due_soon_count", nullable = false)
    private int dueSoon;

    @Column(name = "overdue_count", nullable = false)
    private int overdue;

    @Column(name = "unknown_count", nullable = false)
    private int unknown;

    @Column(name = "newly_overdue", nullable = false)
    private int newlyOverdue;

    @Column(name = "mails", nullable = false)
    private int mails;

    @Column(name = "statements", nullable = false)
    private int statements;

    @Version
    private long version;

    protected PatchCheck() {
    }

    public PatchCheck(long companyId, LocalDate runDate, Kind kind, String actor, OffsetDateTime startedAt) {
        this.companyId = companyId;
        this.runDate = Objects.requireNonNull(runDate, "runDate");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.actor = actor;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    public void finish(Map<PatchStatus, Integer> counts, int newlyOverdueCount, int mailCount, int statementCount,
            OffsetDateTime at) {
        this.current = counts.getOrDefault(PatchStatus.CURRENT, 0);
        this.dueSoon = counts.getOrDefault(PatchStatus.DUE_SOON, 0);
        this.overdue = counts.getOrDefault(PatchStatus.OVERDUE, 0);
        this.unknown = counts.getOrDefault(PatchStatus.UNKNOWN, 0);
        this.devices = current + dueSoon + overdue + unknown;
        this.newlyOverdue = newlyOverdueCount;
        this.mails = mailCount;
        this.statements = statementCount;
        this.finishedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getCompanyId() {
        return companyId;
    }

    public LocalDate getRunDate() {
        return runDate;
    }

    public Kind getKind() {
        return kind;
    }

    public String getActor() {
        return actor;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }

    public int getDevices() {
        return devices;
    }

    public int getCurrent() {
        return current;
    }

    public int getDueSoon() {
        return dueSoon;
    }

    public int getOverdue() {
        return overdue;
    }

    public int getUnknown() {
        return unknown;
    }

    public int getNewlyOverdue() {
        return newlyOverdue;
    }

    public int getMails() {
        return mails;
    }

    public int getStatements() {
        return statements;
    }
}
