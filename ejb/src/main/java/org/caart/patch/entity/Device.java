package org.caart.patch.entity;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import org.caart.company.entity.Company;

/**
 * Something a company must keep patched: an enrolled endpoint (exactly one device each, source AGENT) or a device
 * without an agent, such as a firewall, whose patch date is typed in, imported or set through the API. The status
 * columns hold the last evaluation; {@code PatchEvaluation} computes them for a whole company at once.
 */
@Entity
@Table(name = "device")
public class Device {

    public static final int NAME_MAX = 120;
    public static final int RESPONSIBLE_MAX = 200;
    /** No patch date before this is plausible (form, API and CSV import refuse it). */
    public static final java.time.LocalDate EARLIEST_PATCH_DATE = java.time.LocalDate.of(1990, 1, 1);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "device_seq")
    @SequenceGenerator(name = "device_seq", sequenceName = "device_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "company_id", nullable = false, updatable = false)
    private Company company;

    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "name_key", nullable = false, length = NAME_MAX)
    private String nameKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "device_type", nullable = false, length = 20)
    private DeviceType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "criticality", nullable = false, length = 20)
    private Criticality criticality;

    @Column(name = "responsible", length = RESPONSIBLE_MAX)
    private String responsible;

    @Column(name = "endpoint_id", updatable = false)
    private Long endpointId;

    @Column(name = "last_patch_date")
    private LocalDate lastPatchDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "patch_source", length = 20)
    private PatchSource patchSource;

    @Column(name = "patch_detail", length = 100)
    private String patchDetail;

    @Column(name = "os_build", length = 100)
    private String osBuild;

    @Column(name = "expiry", insertable = false, updatable = false)
    private LocalDate expiry;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20, updatable = false)
    private PatchStatus status = PatchStatus.UNKNOWN;

    /** The day the boundary read this device for (the company's today); not stored. */
    @jakarta.persistence.Transient
    private LocalDate asOf;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Device() {
    }

    public Device(Company company, String name, DeviceType type, Criticality criticality, String responsible,
            Long endpointId, OffsetDateTime now) {
        this.company = Objects.requireNonNull(company, "company");
        this.endpointId = endpointId;
        this.createdAt = Objects.requireNonNull(now, "now");
        describe(name, type, criticality, responsible, now);
    }

    /** Whether describing it so would change nothing (name, type, criticality, responsible). */
    public boolean describedAs(String newName, DeviceType newType, Criticality newCriticality, String newResponsible) {
        String responsibleAfter = newResponsible == null || newResponsible.isBlank() ? null : newResponsible.strip();
        return name.equals(Objects.requireNonNull(newName, "name").strip()) && type == newType
                && criticality == newCriticality && Objects.equals(responsible, responsibleAfter);
    }

    public void describe(String newName, DeviceType newType, Criticality newCriticality, String newResponsible,
            OffsetDateTime now) {
        this.name = Objects.requireNonNull(newName, "name").strip();
        this.nameKey = key(this.name);
        this.type = Objects.requireNonNull(newType, "type");
        this.criticality = Objects.requireNonNull(newCriticality, "criticality");
        this.responsible = newResponsible == null || newResponsible.isBlank() ? null : newResponsible.strip();
        this.updatedAt = now;
    }

    /** Records a patch date; answers whether it differs from the one known (only a change goes to the history). */
    public boolean patched(LocalDate date, PatchSource source, String detail, OffsetDateTime now) {
        boolean changed = !Objects.equals(date, lastPatchDate);
        this.lastPatchDate = date;
        this.patchSource = date == null ? null : Objects.requireNonNull(source, "source");
        this.patchDetail = detail == null || detail.length() <= 100 ? detail : detail.substring(0, 100);
        this.updatedAt = now;
        return changed;
    }

    public void build(String build) {
        this.osBuild = build == null || build.length() <= 100 ? build : build.substring(0, 100);
    }

    /** The case-insensitive key that keeps device names unique within a company. */
    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public Company getCompany() {
        return company;
    }

    public String getName() {
        return name;
    }

    public DeviceType getType() {
        return type;
    }

    public Criticality getCriticality() {
        return criticality;
    }

    public String getResponsible() {
        return responsible;
    }

    public Long getEndpointId() {
        return endpointId;
    }

    public boolean isAgentBacked() {
        return endpointId != null;
    }

    public LocalDate getLastPatchDate() {
        return lastPatchDate;
    }

    public PatchSource getPatchSource() {
        return patchSource;
    }

    public String getPatchDetail() {
        return patchDetail;
    }

    public String getOsBuild() {
        return osBuild;
    }

    /** Marks the day this device is shown for (the company's today), for {@link #getDaysLeft()}. */
    public Device asOf(LocalDate today) {
        this.asOf = today;
        return this;
    }

    /** Days from {@link #getEvaluatedOn()} to the expiry; negative when overdue; null if unknown. */
    public Integer getDaysLeft() {
        return expiry == null || asOf == null ? null : (int) java.time.temporal.ChronoUnit.DAYS.between(asOf, expiry);
    }

    public PatchStatus getStatus() {
        return status;
    }

    /** The day {@link #getDaysLeft()} and {@link #getStatus()} are for: the company's today when it was read. */
    public LocalDate getEvaluatedOn() {
        return asOf;
    }

    /** The last day the patch date is still compliant: last patch date + maximum age (null while unknown). */
    public LocalDate getExpiry() {
        return expiry;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
