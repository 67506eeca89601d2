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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One line of a device's patch-date history: a new date, where it came from, who or what recorded it. */
@Entity
@Table(name = "patch_record")
public class PatchRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patch_record_seq")
    @SequenceGenerator(name = "patch_record_seq", sequenceName = "patch_record_seq", allocationSize = 50)
    private Long id;

    @Column(name = "device_id", nullable = false)
    private long deviceId;

    @Column(name = "patch_date", nullable = false)
    private LocalDate patchDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 20)
    private PatchSource source;

    @Column(name = "detail", length = 100)
    private String detail;

    @Column(name = "recorded_by", length = 254)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    protected PatchRecord() {
    }

    public PatchRecord(long deviceId, LocalDate patchDate, PatchSource source, String detail, String recordedBy,
            OffsetDateTime recordedAt) {
        this.deviceId = deviceId;
        this.patchDate = Objects.requireNonNull(patchDate, "patchDate");
        this.source = Objects.requireNonNull(source, "source");
        this.detail = detail == null || detail.length() <= 100 ? detail : detail.substring(0, 100);
        this.recordedBy = recordedBy == null || recordedBy.length() <= 254 ? recordedBy : recordedBy.substring(0, 254);
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
    }

    public Long getId() {
        return id;
    }

    public long getDeviceId() {
        return deviceId;
    }

    public LocalDate getPatchDate() {
        return patchDate;
    }

    public PatchSource getSource() {
        return source;
    }

    public String getDetail() {
        return detail;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public OffsetDateTime getRecordedAt() {
        return recordedAt;
    }
}
