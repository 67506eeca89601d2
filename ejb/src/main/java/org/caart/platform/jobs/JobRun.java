package org.caart.platform.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The ledger of daily jobs: one row per job, scope (a company id, or 0 for the whole platform) and day. The
 * row's primary key is what makes a job run once per scope per day, also across several server instances.
 */
@Entity
@Table(name = "job_run")
@IdClass(JobRun.Key.class)
public class JobRun {

    @Id
    @Column(name = "job", length = 60)
    private String job;

    @Id
    @Column(name = "scope_id")
    private long scopeId;

    @Id
    @Column(name = "run_date")
    private LocalDate runDate;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "detail", length = 1000)
    private String detail;

    protected JobRun() {
    }

    void finish(OffsetDateTime at, String summary) {
        finishedAt = at;
        detail = summary == null || summary.length() <= 1000 ? summary : summary.substring(0, 1000);
    }

    public String getJob() {
        return job;
    }

    public long getScopeId() {
        return scopeId;
    }

    public LocalDate getRunDate() {
        return runDate;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }

    public String getDetail() {
        return detail;
    }

    public record Key(String job, long scopeId, LocalDate runDate) implements Serializable {
    }
}
