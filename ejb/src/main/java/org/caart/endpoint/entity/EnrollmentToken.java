package org.caart.endpoint.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.caart.account.entity.UserAccount;
import org.caart.company.entity.Company;

/** A one-time token that lets one agent join one company; only its hash is kept, it expires and works once. */
@Entity
@Table(name = "enrollment_token")
public class EnrollmentToken {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrollment_token_seq")
    @SequenceGenerator(name = "enrollment_token_seq", sequenceName = "enrollment_token_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "company_id", nullable = false)
    private Company company;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    private UserAccount createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    @Version
    private long version;

    protected EnrollmentToken() {
    }

    public EnrollmentToken(Company company, UserAccount createdBy, String tokenHash, OffsetDateTime createdAt,
            OffsetDateTime expiresAt) {
        this.company = Objects.requireNonNull(company, "company");
        this.createdBy = createdBy;
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean isExpired(OffsetDateTime now) {
        return !expiresAt.isAfter(now);
    }

    public void use(OffsetDateTime now) {
        if (isUsed() || isExpired(now)) {
            throw new IllegalStateException("Enrollment token " + id + " cannot be used");
        }
        this.usedAt = now;
    }

    public Company getCompany() {
        return company;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }
}
