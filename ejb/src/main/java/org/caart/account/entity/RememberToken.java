package org.caart.account.entity;

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
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A "remember me" sign-in held by one browser: only the token's hash is stored; it expires, and the user (or a
 * password change) revokes it by deleting the row.
 */
@Entity
@Table(name = "remember_token")
public class RememberToken {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "remember_token_seq")
    @SequenceGenerator(name = "remember_token_seq", sequenceName = "remember_token_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private UserAccount user;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    /** The hash of the token this one replaced at its last use: presented again, it betrays a copied cookie. */
    @Column(name = "previous_hash", length = 64)
    private String previousHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Column(name = "source_address", length = 64)
    private String sourceAddress;

    @Column(name = "user_agent", length = 200)
    private String userAgent;

    protected RememberToken() {
    }

    public RememberToken(UserAccount user, String tokenHash, OffsetDateTime createdAt, OffsetDateTime expiresAt,
            String sourceAddress, String userAgent) {
        this.user = Objects.requireNonNull(user, "user");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.sourceAddress = sourceAddress;
        this.userAgent = userAgent == null || userAgent.length() <= 200 ? userAgent : userAgent.substring(0, 200);
    }

    public boolean isValid(OffsetDateTime now) {
        return expiresAt.isAfter(now) && user.isEnabled();
    }

    /** A use: the presented token is replaced by a new one ({@code newHash}), and remembered as the previous. */
    public void rotate(String newHash, OffsetDateTime now) {
        this.previousHash = tokenHash;
        this.tokenHash = Objects.requireNonNull(newHash, "newHash");
        this.lastUsedAt = now;
    }

    public Long getId() {
        return id;
    }

    public UserAccount getUser() {
        return user;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public OffsetDateTime getLastUsedAt() {
        return lastUsedAt;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public String getUserAgent() {
        return userAgent;
    }
}
