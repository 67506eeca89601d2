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
import java.time.OffsetDateTime;
import java.util.Objects;
import org.caart.account.entity.UserAccount;

/**
 * A user's place in a company: exactly one role, plus the alert duties (CISO, security technician) that make the
 * member a recipient of the patch and compliance digests. A user has at most one membership per company.
 */
@Entity
@Table(name = "membership")
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "membership_seq")
    @SequenceGenerator(name = "membership_seq", sequenceName = "membership_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "company_id", nullable = false)
    private Company company;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private UserAccount user;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Role role;

    @Column(name = "ciso", nullable = false)
    private boolean ciso;

    @Column(name = "security_tech", nullable = false)
    private boolean securityTech;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Membership() {
    }

    public Membership(Company company, UserAccount user, Role role, OffsetDateTime createdAt) {
        this.company = Objects.requireNonNull(company, "company");
        this.user = Objects.requireNonNull(user, "user");
        this.role = Objects.requireNonNull(role, "role");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public void changeRole(Role newRole) {
        this.role = Objects.requireNonNull(newRole, "newRole");
    }

    public void assignDuties(boolean asCiso, boolean asSecurityTech) {
        this.ciso = asCiso;
        this.securityTech = asSecurityTech;
    }

    public Long getId() {
        return id;
    }

    public Company getCompany() {
        return company;
    }

    public UserAccount getUser() {
        return user;
    }

    public Role getRole() {
        return role;
    }

    public boolean isCiso() {
        return ciso;
    }

    public boolean isSecurityTech() {
        return securityTech;
    }
}
