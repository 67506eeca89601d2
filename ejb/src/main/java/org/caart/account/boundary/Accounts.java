package org.caart.account.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caart.account.control.LoginThrottling;
import org.caart.account.control.PasswordHashing;
import org.caart.account.control.PasswordPolicy;
import org.caart.account.control.Registration;
import org.caart.account.control.SignUpThrottle;
import org.caart.account.entity.Profile;
import org.caart.account.entity.RememberToken;
import org.caart.account.entity.UserAccount;
import org.caart.platform.ConflictException;
import org.caart.platform.ForbiddenException;
import org.caart.platform.InvalidInputException;
import org.caart.platform.MailRequest;
import org.caart.platform.NotFoundException;
import org.caart.platform.Times;
import org.caart.platform.TooManyRequestsException;
import org.caart.platform.TrailRecorder;
import org.caart.platform.jobs.RetentionDue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-up, sign-in, profile and password changes. Every outcome, good or bad, goes to the trail. */
@Stateless
public class Accounts {

    private static final System.Logger LOG = System.getLogger(Accounts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    TrailRecorder trail;

    @Inject
    Clock clock;

    @Inject
    SignUpThrottle signUpThrottle;

    @Inject
    LoginThrottling loginThrottling;

    @Inject
    Registration registration;

    @Inject
    Callers callers;

    @Inject
    Event<MailRequest> outbox;

    @Inject
    @ConfigProperty(name = "caart.signup.enabled", defaultValue = "true")
    boolean signUpEnabled;

    @Inject
    @ConfigProperty(name = "caart.public.url")
    String publicUrl;

    /**
     * Creates an account from the sign-up form. Every attempt counts against the caller's address first, so the
     * duplicate-email answer cannot be used to list who is registered. All field problems are reported at once.
     */
    public SignedIn signUp(SignUpRequest request, String sourceAddress) {
        if (!signUpEnabled) {
            throw new ForbiddenException("Sign-up is switched off here; ask your administrator for an invitation");
        }
        if (!signUpThrottle.tryAcquire(sourceAddress)) {
            trail.recordRefusal(null, null, request.email(), "signup.throttled", null, null, sourceAddress);
            throw new TooManyRequestsException("Too many sign-up attempts from your address; try again later");
        }
        Map<String, String> errors = registration.problems(request);
        if (!errors.isEmpty()) {
            trail.recordRefusal(null, null, request.email(), "signup.refused", null, String.join(", ",
                    errors.keySet()), sourceAddress);
            throw new InvalidInputException(errors);
        }
        UserAccount user = registration.register(request);
        trail.record(null, user.getId(), user.getEmail(), "signup", null, null, sourceAddress);
        LOG.log(Level.INFO, "Account {0} signed up", user.getId());
        return SignedIn.of(user);
    }

    public boolean signUpEnabled() {
        return signUpEnabled;
    }

    /**
     * The account whose password matches, or empty; never says which of email or password was wrong. Failures
     * count per email (as typed) and per client address; a locked subject is refused even with the right password.
     */
    public Optional<SignedIn> authenticate(String email, char[] password, String sourceAddress) {
        return authenticate(email, password, sourceAddress, true);
    }

    /**
     * As {@link #authenticate(String, char[], String)}; an API call (HTTP Basic on every request) leaves its
     * successes out of the trail so that they do not bury the sign-ins of people. Failures are always recorded.
     */
    public Optional<SignedIn> authenticate(String email, char[] password, String sourceAddress,
            boolean recordSuccess) {
        if (loginThrottling.isLocked(email, sourceAddress)) {
            hashing.verify(password, null);
            trail.record(null, null, email, "login.locked", null, "refused while locked", sourceAddress);
            return Optional.empty();
        }
        Optional<UserAccount> account = email == null ? Optional.empty() : findByEmail(email);
        boolean matches = hashing.verify(password, account.map(UserAccount::getPasswordHash).orElse(null));
        if (account.isEmpty() || !matches || !account.get().isEnabled()) {
            boolean lockedNow = loginThrottling.failed(email, sourceAddress);
            trail.record(null, account.map(UserAccount::getId).orElse(null), email, "login.failure", null,
                    lockedNow ? "too many failures: locked" : null, sourceAddress);
            if (lockedNow) {
                LOG.log(Level.WARNING, "Sign-in locked after repeated failures from {0}", sourceAddress);
            }
            return Optional.empty();
        }
        UserAccount user = account.get();
        loginThrottling.succeeded(email);
        if (recordSuccess) {
            user.signedIn(OffsetDateTime.now(clock));
            trail.record(null, user.getId(), user.getEmail(), "login.success", null, null, sourceAddress);
        }
        return Optional.of(SignedIn.of(user));
    }

    /** Daily retention (after the outbox's): forgets sign-in failures that no longer matter. */
    public void purgeIdleThrottles(@Observes @Priority(Interceptor.Priority.APPLICATION + 1) RetentionDue retention) {
        retention.removed(loginThrottling.purgeIdle() + " idle sign-in throttle row(s) removed");
    }

    /** Whether sign-in is currently refused for this email or address (the login page explains it). */
    public boolean isLockedOut(String email, String sourceAddress) {
        return loginThrottling.isLocked(email, sourceAddress);
    }

    public void loggedOut(String email, String sourceAddress) {
        Optional<UserAccount> account = findByEmail(email);
        trail.record(null, account.map(UserAccount::getId).orElse(null), email, "logout", null, null, sourceAddress);
    }

    public SignedIn getSignedIn(String email) {
        return SignedIn.of(findByEmail(email).orElseThrow(() -> new NotFoundException("Account")));
    }

    /**
     * Changes the caller's password after checking the current one. Every remembered sign-in of the account is
     * revoked and the account's address gets a notice, so a change the owner did not make does not go unseen.
     */
    public void changePassword(String email, char[] oldPassword, char[] newPassword, char[] confirmation,
            String sourceAddress) {
        UserAccount user = findByEmail(email).orElseThrow(() -> new NotFoundException("Account"));
        if (!hashing.verify(oldPassword, user.getPasswordHash())) {
            trail.recordRefusal(null, user.getId(), user.getEmail(), "password.change.refused", null,
                    "wrong current password", sourceAddress);
            throw new InvalidInputException("oldPassword", "The current password is not correct");
        }
        PasswordPolicy.check(newPassword, confirmation, user.getEmail());
        user.changePassword(hashing.hash(newPassword));
        int revoked = em.createQuery("DELETE FROM RememberToken t WHERE t.user = :user")
                .setParameter("user", user).executeUpdate();
        trail.record(null, user.getId(), user.getEmail(), "password.change", null,
                revoked > 0 ? revoked + " remembered sign-in(s) revoked" : null, sourceAddress);
        outbox.fire(new MailRequest(null, user.getEmail(), "Your CAaRT password was changed",
                "Hello " + user.displayName() + ",\n\nthe password of your CAaRT account " + user.getEmail()
                        + " was changed at " + Times.human(OffsetDateTime.now(clock), null) + " from " + sourceAddress + ".\n"
                        + "Remembered sign-ins on other browsers were ended.\n\n"
                        + "If you did not do this, reset it with your administrator at once: " + publicUrl + "/\n",
                null, false));
        LOG.log(Level.INFO, "Account {0} changed its password", user.getId());
    }

    /** The caller's own account, for the profile page. */
    public UserAccount profile() {
        return callers.caller();
    }

    public UserAccount updateProfile(Profile profile, String sourceAddress) {
        UserAccount user = callers.caller();
        Map<String, String> errors = profile.problems();
        if (!errors.containsKey("username") && profile.username() != null && usernameTaken(profile.username(),
                user.getId())) {
            errors.put("username", "This username is taken");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        user.updateProfile(profile);
        trail.record(null, user.getId(), user.getEmail(), "profile.update", null, null, sourceAddress);
        return user;
    }

    /** The browsers that remember the caller's sign-in. */
    public List<RememberToken> rememberedSignIns() {
        return em.createQuery("SELECT t FROM RememberToken t WHERE t.user = :user ORDER BY t.createdAt DESC",
                        RememberToken.class)
                .setParameter("user", callers.caller()).getResultList();
    }

    public void forgetRememberedSignIn(long tokenId, String sourceAddress) {
        UserAccount user = callers.caller();
        int removed = em.createQuery("DELETE FROM RememberToken t WHERE t.id = :id AND t.user = :user")
                .setParameter("id", tokenId).setParameter("user", user).executeUpdate();
        if (removed == 0) {
            throw new NotFoundException("Remembered sign-in");
        }
        trail.record(null, user.getId(), user.getEmail(), "remember.revoke", String.valueOf(tokenId), null,
                sourceAddress);
    }

    /** Whether an account has this email (an invitation's page then offers to sign in instead). */
    public boolean emailTaken(String email) {
        return registration.emailTaken(email);
    }

    /**
     * Registers someone who accepts an invitation with the invited address, in the accepting transaction (the
     * invitation is the permission: no sign-up switch or throttle applies).
     *
     * @throws ConflictException when the address has an account already (sign in to accept)
     */
    public UserAccount registerInvited(SignUpRequest request, String sourceAddress) {
        Map<String, String> errors = registration.problems(request);
        if (errors.containsKey("email")) {
            throw new ConflictException("An account for " + request.email() + " exists; sign in to accept");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UserAccount user = registration.register(request);
        trail.record(null, user.getId(), user.getEmail(), "signup", null, "by invitation", sourceAddress);
        return user;
    }

    Optional<UserAccount> findByEmail(String email) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email", UserAccount.class)
                .setParameter("email", UserAccount.normalizeEmail(email))
                .getResultStream().findFirst();
    }

    private boolean usernameTaken(String username, long except) {
        return !em.createQuery("SELECT u.id FROM UserAccount u WHERE u.username = :name AND u.id <> :id", Long.class)
                .setParameter("name", username).setParameter("id", except)
                .setMaxResults(1).getResultList().isEmpty();
    }
}
