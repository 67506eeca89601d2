package org.caart.company.entity;

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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.caart.account.entity.UserAccount;

/**
 * An offer to join a company with a role, sent to one email address. The link's token is stored only as a hash;
 * it is bound to the company and the email, works once, and expires. Resending replaces the token (the old link
 * stops working) and restarts the clock.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    public enum State { PENDING, EXPIRED, ACCEPTED, REVOKED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invitation_seq")
    @SequenceGenerator(name = "invitation_seq", sequenceName = "invitation_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "company_id", nullable = false)
    private Company company;

    @Column(name = "email", nullable = false, length = UserAccount.EMAIL_MAX)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Role role;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "invited_by")
    private UserAccount invitedBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at", nullable = false)
    private OffsetDateTime sentAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "accepted_at")
    private OffsetDateTime acceptedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "accepted_by")
    private UserAccount acceptedBy;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "sends", nullable = false)
    private int sends;

    @Version
    private long version;

    protected Invitation() {
    }

    public Invitation(Company company, String email, Role role, UserAccount invitedBy, String tokenHash,
            OffsetDateTime now, Duration validity) {
        this.company = Objects.requireNonNull(company, "company");
        this.email = UserAccount.normalizeEmail(email);
        this.role = Objects.requireNonNull(role, "role");
        this.invitedBy = invitedBy;
        this.createdAt = now;
        resend(tokenHash, now, validity);
    }

    public State state(OffsetDateTime now) {
        if (acceptedAt != null) {
            return State.ACCEPTED;
        }
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return expiresAt.isAfter(now) ? State.PENDING : State.EXPIRED;
    }

    /** A new token and a new validity period; only an open (pending or expired) invitation can be resent. */
    public void resend(String newTokenHash, OffsetDateTime now, Duration validity) {
        if (acceptedAt != null || revokedAt != null) {
            throw new IllegalStateException("Invitation " + id + " is closed");
        }
        this.tokenHash = Objects.requireNonNull(newTokenHash, "newTokenHash");
        this.sentAt = now;
        this.expiresAt = now.plus(validity);
        this.sends++;
    }

    public void accept(UserAccount user, OffsetDateTime now) {
        if (state(now) != State.PENDING) {
            throw new IllegalStateException("Invitation " + id + " is " + state(now));
        }
        if (!user.getEmail().equals(email)) {
            throw new IllegalArgumentException("Invitation " + id + " is for another address");
        }
        this.acceptedAt = now;
        this.acceptedBy = user;
    }

    public void revoke(OffsetDateTime now) {
        if (acceptedAt == null && revokedAt == null) {
            this.revokedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public Company getCompany() {
        return company;
    }

    public String getEmail() {
        return email;
    }

    public Role getRole() {
        return role;
    }

    public UserAccount getInvitedBy() {
        return invitedBy;
    }

    String getTokenHash() {
        return tokenHash;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public int getSends() {
        return sends;
    }
}
