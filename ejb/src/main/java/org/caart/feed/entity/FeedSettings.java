package org.caart.feed.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * A company's SIEM feed: whether it is on (events are stored only then), whether a full snapshot of the current
 * check results is added every day, and the last sequence number given to one of its events. Numbers are given by
 * the sequencer alone, in the order the events committed, with this row locked: a reader that has seen number n
 * never sees a number below n appear later.
 */
@Entity
@Table(name = "feed_company")
public class FeedSettings {

    @Id
    @Column(name = "company_id")
    private long companyId;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "snapshot_daily", nullable = false)
    private boolean snapshotDaily;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected FeedSettings() {
    }

    public FeedSettings(long companyId, OffsetDateTime now) {
        this.companyId = companyId;
        this.updatedAt = now;
    }

    public void change(boolean enabled, boolean snapshotDaily, OffsetDateTime now) {
        this.enabled = enabled;
        this.snapshotDaily = snapshotDaily;
        this.updatedAt = now;
    }

    /** The sequencer gave numbers up to {@code last}. */
    public void numbered(long last, OffsetDateTime now) {
        if (last < lastSeq) {
            throw new IllegalStateException("Feed numbers only grow: " + last + " after " + lastSeq);
        }
        this.lastSeq = last;
        this.updatedAt = now;
    }

    public long getCompanyId() {
        return companyId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isSnapshotDaily() {
        return snapshotDaily;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
