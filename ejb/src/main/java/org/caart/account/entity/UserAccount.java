package org.caart.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;

/**
 * A person who signs in to the portal. The email is the login name, kept in lower case and unique. The password
 * is only ever held as a PBKDF2 hash. The platform operator is an account outside every company.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

    public static final int EMAIL_MAX = 254;
    public static final int NAME_MAX = 80;
    public static final int USERNAME_MAX = 40;
    public static final int ABOUT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_account_seq")
    @SequenceGenerator(name = "user_account_seq", sequenceName = "user_account_seq", allocationSize = 50)
    private Long id;

    @Size(max = EMAIL_MAX)
    @Column(name = "email", nullable = false, length = EMAIL_MAX)
    private String email;

    @Size(max = NAME_MAX)
    @Column(name = "first_name", length = NAME_MAX)
    private String firstName;

    @Size(max = NAME_MAX)
    @Column(name = "last_name", length = NAME_MAX)
    private String lastName;

    @Size(max = USERNAME_MAX)
    @Column(name = "username", length = USERNAME_MAX)
    private String username;

    @Size(max = 200)
    @Column(name = "street_address", length = 200)
    private String streetAddress;

    @Size(max = NAME_MAX)
    @Column(name = "city", length = NAME_MAX)
    private String city;

    @Size(max = NAME_MAX)
    @Column(name = "country", length = NAME_MAX)
    private String country;

    @Size(max = 20)
    @Column(name = "postal_code", length = 20)
    private String postalCode;

    @Size(max = ABOUT_MAX)
    @Column(name = "about_me", length = ABOUT_MAX)
    private String aboutMe;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "operator", nullable = false)
    private boolean operator;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_login_at")
    private OffsetDateTime lastLoginAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String email, String firstName, String lastName, String passwordHash, OffsetDateTime createdAt) {
        this.email = normalizeEmail(email);
        this.firstName = firstName;
        this.lastName = lastName;
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The platform operator: sees system-wide things, belongs to no company. */
    public static UserAccount operator(String email, String passwordHash, boolean mustChangePassword,
            OffsetDateTime createdAt) {
        UserAccount account = new UserAccount(email, "Platform", "Operator", passwordHash, createdAt);
        account.operator = true;
        account.mustChangePassword = mustChangePassword;
        return account;
    }

    public static String normalizeEmail(String email) {
        return Objects.requireNonNull(email, "email").strip().toLowerCase(Locale.ROOT);
    }

    public void signedIn(OffsetDateTime at) {
        this.lastLoginAt = at;
    }

    public void changePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
        this.mustChangePassword = false;
    }

    /** The profile fields a user edits about themselves (figures 15 and 18); the email stays as registered. */
    public void updateProfile(Profile profile) {
        this.username = profile.username();
        this.firstName = profile.firstName();
        this.lastName = profile.lastName();
        this.streetAddress = profile.streetAddress();
        this.city = profile.city();
        this.country = profile.country();
        this.postalCode = profile.postalCode();
        this.aboutMe = profile.aboutMe();
    }

    public Profile profile() {
        return new Profile(username, firstName, lastName, streetAddress, city, country, postalCode, aboutMe);
    }

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? email : name;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isOperator() {
        return operator;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public OffsetDateTime getLastLoginAt() {
        return lastLoginAt;
    }
}
