package org.caart.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caart.account.control.PasswordHashing;
import org.caart.account.control.PasswordPolicy;
import org.caart.account.control.SignUpThrottle;
import org.caart.account.entity.Membership;
import org.caart.account.entity.UserAccount;
import org.caart.platform.ForbiddenException;
import org.caart.platform.InvalidInputException;
import org.caart.platform.NotFoundException;
import org.caart.platform.TooManyRequestsException;
import org.caart.trail.boundary.Trail;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-up, sign-in and password changes. Every outcome, good or bad, goes to the trail. */
@Stateless
public class Accounts {

    private static final System.Logger LOG = System.getLogger(Accounts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    Trail trail;

    @Inject
    Clock clock;

    @Inject
    SignUpThrottle throttle;

    @Inject
    @ConfigProperty(name = "caart.signup.enabled", defaultValue = "true")
    boolean signUpEnabled;

    /**
     * Creates an account from the sign-up form. Every attempt counts against the caller's address first, so the
     * duplicate-email answer cannot be used to list who is registered. All field problems are reported at once.
     */
    public SignedIn signUp(SignUpRequest request, String sourceAddress) {
        if (!signUpEnabled) {
            throw new ForbiddenException("Sign-up is switched off here; ask your administrator for an invitation");
        }
        if (!throttle.tryAcquire(sourceAddress)) {
            trail.recordRefusal(null, null, request.email(), "signup.throttled", null, null, sourceAddress);
            throw new TooManyRequestsException("Too many sign-up attempts from your address; try again later");
        }
        Map<String, String> errors = request.problems();
        if (!errors.containsKey("email") && findByEmail(request.email()).isPresent()) {
            errors.put("email", "This email is already registered");
        }
        try {
            PasswordPolicy.check(request.password(), request.confirmation(), request.email());
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach(errors::putIfAbsent);
        }
        if (!errors.isEmpty()) {
            trail.recordRefusal(null, null, request.email(), "signup.refused", null, String.join(", ",
                    errors.keySet()), sourceAddress);
            throw new InvalidInputException(errors);
        }
        UserAccount user = new UserAccount(request.email(), request.firstName().strip(), request.lastName().strip(),
                hashing.hash(request.password()), OffsetDateTime.now(clock));
        em.persist(user);
        em.flush();
        trail.record(null, user.getId(), user.getEmail(), "signup", null, null, sourceAddress);
        LOG.log(Level.INFO, "Account {0} signed up", user.getId());
        return SignedIn.of(user);
    }

    public boolean signUpEnabled() {
        return signUpEnabled;
    }

    /** The account whose password matches, or empty; never says which of email or password was wrong. */
    public Optional<SignedIn> authenticate(String email, char[] password, String sourceAddress) {
        Optional<UserAccount> account = email == null ? Optional.empty() : findByEmail(email);
        boolean matches = hashing.verify(password, account.map(UserAccount::getPasswordHash).orElse(null));
        if (account.isEmpty() || !matches || !account.get().isEnabled()) {
            trail.recordRefusal(null, account.map(UserAccount::getId).orElse(null), email, "login.failure", null,
                    null, sourceAddress);
            return Optional.empty();
        }
        UserAccount user = account.get();
        user.signedIn(OffsetDateTime.now(clock));
        trail.record(null, user.getId(), user.getEmail(), "login.success", null, null, sourceAddress);
        return Optional.of(SignedIn.of(user));
    }

    public void loggedOut(String email, String sourceAddress) {
        Optional<UserAccount> account = findByEmail(email);
        trail.record(null, account.map(UserAccount::getId).orElse(null), email, "logout", null, null, sourceAddress);
    }

    public SignedIn getSignedIn(String email) {
        return SignedIn.of(findByEmail(email).orElseThrow(() -> new NotFoundException("Account")));
    }

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
        trail.record(null, user.getId(), user.getEmail(), "password.change", null, null, sourceAddress);
        LOG.log(Level.INFO, "Account {0} changed its password", user.getId());
    }

    public List<Membership> memberships(String email) {
        return em.createQuery("SELECT m FROM Membership m JOIN FETCH m.company WHERE m.user.email = :email "
                        + "ORDER BY m.company.name", Membership.class)
                .setParameter("email", UserAccount.normalizeEmail(email))
                .getResultList();
    }

    Optional<UserAccount> findByEmail(String email) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email", UserAccount.class)
                .setParameter("email", UserAccount.normalizeEmail(email))
                .getResultStream().findFirst();
    }
}
