package org.caart.company.entity;

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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A customer organisation: the unit of tenancy. Every piece of company data carries its company and is only ever
 * read through a membership of the caller. Its time zone decides what "today" means for its daily checks.
 */
@Entity
@Table(name = "company")
public class Company {

    public static final int NAME_MAX = 120;
    public static final int ADDRESS_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "company_seq")
    @SequenceGenerator(name = "company_seq", sequenceName = "company_seq", allocationSize = 50)
    private Long id;

    @NotBlank
    @Size(max = NAME_MAX)
    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Size(max = ADDRESS_MAX)
    @Column(name = "postal_address", length = ADDRESS_MAX)
    private String postalAddress;

    @Enumerated(EnumType.STRING)
    @Column(name = "client_os", nullable = false, length = 40)
    private ClientOs clientOs;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "default_windows_policy", length = 120)
    private String defaultWindowsPolicy;

    @Column(name = "default_linux_policy", length = 120)
    private String defaultLinuxPolicy;

    @Version
    private long version;

    protected Company() {
    }

    public Company(String name, String postalAddress, ClientOs clientOs, String timeZone, OffsetDateTime createdAt) {
        rename(name);
        this.postalAddress = postalAddress;
        this.clientOs = Objects.requireNonNull(clientOs, "clientOs");
        this.timeZone = zone(timeZone).getId();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank() || newName.length() > NAME_MAX) {
            throw new IllegalArgumentException("A company name has 1 to " + NAME_MAX + " characters");
        }
        this.name = newName.strip();
    }

    /** New settings from the company form; the id and the creation time stay. */
    public void update(String newName, String newPostalAddress, ClientOs newClientOs, String newTimeZone) {
        rename(newName);
        this.postalAddress = newPostalAddress;
        this.clientOs = Objects.requireNonNull(newClientOs, "clientOs");
        this.timeZone = zone(newTimeZone).getId();
    }

    /** The policy ids audits use when they name none; null leaves the built-in baseline of that family. */
    public void chooseDefaultPolicies(String windowsPolicy, String linuxPolicy) {
        this.defaultWindowsPolicy = windowsPolicy;
        this.defaultLinuxPolicy = linuxPolicy;
    }

    public java.util.Optional<String> defaultPolicy(ClientOs.OsFamily family) {
        return java.util.Optional.ofNullable(family == ClientOs.OsFamily.WINDOWS ? defaultWindowsPolicy
                : defaultLinuxPolicy);
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(Objects.requireNonNull(id, "timeZone"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unknown time zone: " + id, e);
        }
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getPostalAddress() {
        return postalAddress;
    }

    public ClientOs getClientOs() {
        return clientOs;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
