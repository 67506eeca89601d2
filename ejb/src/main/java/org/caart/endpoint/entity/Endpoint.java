package org.caart.endpoint.entity;

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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.caart.company.entity.ClientOs.OsFamily;
import org.caart.company.entity.Company;
import org.caart.contract.agent.v1.HostView;

/**
 * A host with an enrolled agent. The agent proves itself with its id and a secret of which only the SHA-256 is
 * kept. What the host says about itself (name, OS, last patch date) is refreshed on every heartbeat.
 */
@Entity
@Table(name = "endpoint")
public class Endpoint {

    public static final int TAGS_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "endpoint_seq")
    @SequenceGenerator(name = "endpoint_seq", sequenceName = "endpoint_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "company_id", nullable = false)
    private Company company;

    @Column(name = "agent_id", nullable = false, length = 36)
    private String agentId;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "hostname", nullable = false, length = 253)
    private String hostname;

    @Column(name = "os", length = 200)
    private String os;

    @Enumerated(EnumType.STRING)
    @Column(name = "os_family", nullable = false, length = 20)
    private OsFamily osFamily;

    @Column(name = "os_version", length = 100)
    private String osVersion;

    @Column(name = "os_build", length = 100)
    private String osBuild;

    @Column(name = "agent_version", length = 40)
    private String agentVersion;

    @Column(name = "tags", length = TAGS_MAX)
    private String tags;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private EndpointStatus status = EndpointStatus.ACTIVE;

    @Column(name = "enrolled_at", nullable = false)
    private OffsetDateTime enrolledAt;

    @Column(name = "last_seen_at", nullable = false)
    private OffsetDateTime lastSeenAt;

    @Column(name = "last_patch_date")
    private LocalDate lastPatchDate;

    @Column(name = "patch_source", length = 100)
    private String patchSource;

    @Column(name = "dropped_batches", nullable = false)
    private long droppedBatches;

    @Column(name = "spooled_batches", nullable = false)
    private int spooledBatches;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Version
    private long version;

    protected Endpoint() {
    }

    public Endpoint(Company company, String agentId, String secretHash, HostView host, OffsetDateTime now) {
        this.company = Objects.requireNonNull(company, "company");
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.secretHash = Objects.requireNonNull(secretHash, "secretHash");
        this.enrolledAt = now;
        describe(host, now);
    }

    /** What the host says about itself now (enrollment and heartbeats). */
    public void describe(HostView host, OffsetDateTime now) {
        this.hostname = cut(host.hostname(), 253);
        this.os = cut(host.os(), 200);
        this.osFamily = OsFamily.valueOf(host.osFamily());
        this.osVersion = cut(host.osVersion(), 100);
        this.osBuild = cut(host.osBuild(), 100);
        this.agentVersion = cut(host.agentVersion(), 40);
        if (host.lastPatchDate() != null) {
            this.lastPatchDate = LocalDate.parse(host.lastPatchDate());
            this.patchSource = cut(host.patchSource(), 100);
        }
        this.lastSeenAt = now;
    }

    public void seen(OffsetDateTime now, long dropped, int spooled) {
        this.lastSeenAt = now;
        this.droppedBatches += Math.max(0, dropped);
        this.spooledBatches = Math.max(0, spooled);
    }

    public void revoke(OffsetDateTime now) {
        if (status == EndpointStatus.ACTIVE) {
            status = EndpointStatus.REVOKED;
            revokedAt = now;
        }
    }

    public boolean isActive() {
        return status == EndpointStatus.ACTIVE;
    }

    public void tag(List<String> newTags) {
        String joined = String.join(",", newTags.stream().map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty()).distinct().sorted().toList());
        if (joined.length() > TAGS_MAX) {
            throw new IllegalArgumentException("Tags have at most " + TAGS_MAX + " characters in all");
        }
        this.tags = joined.isEmpty() ? null : joined;
    }

    public List<String> tags() {
        return tags == null ? List.of() : Arrays.asList(tags.split(","));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Company getCompany() {
        return company;
    }

    public String getAgentId() {
        return agentId;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public String getHostname() {
        return hostname;
    }

    public String getOs() {
        return os;
    }

    public OsFamily getOsFamily() {
        return osFamily;
    }

    public String getOsVersion() {
        return osVersion;
    }

    public String getAgentVersion() {
        return agentVersion;
    }

    public EndpointStatus getStatus() {
        return status;
    }

    public OffsetDateTime getEnrolledAt() {
        return enrolledAt;
    }

    public OffsetDateTime getLastSeenAt() {
        return lastSeenAt;
    }

    public String getOsBuild() {
        return osBuild;
    }

    public LocalDate getLastPatchDate() {
        return lastPatchDate;
    }

    public String getPatchSource() {
        return patchSource;
    }

    public long getDroppedBatches() {
        return droppedBatches;
    }

    public int getSpooledBatches() {
        return spooledBatches;
    }
}
