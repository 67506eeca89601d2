package org.caart.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.caart.account.entity.RememberToken;
import org.caart.account.entity.UserAccount;
import org.caart.platform.Tokens;
import org.caart.platform.TrailRecorder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Remember me": a random token in an HttpOnly cookie, stored here only as its SHA-256. Redeeming one signs the
 * browser in again without a password; the user revokes them on the profile page, and a password change or logout
 * ends them.
 */
@Stateless
public class RememberedSignIns {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TrailRecorder trail;

    @Inject
    @ConfigProperty(name = "caart.login.remember-days", defaultValue = "30")
    int rememberDays;

    public Duration lifetime() {
        return Duration.ofDays(rememberDays);
    }

    /** A new token for a user who just signed in with a password; the caller puts it in the cookie. */
    public String issue(String email, String sourceAddress, String userAgent) {
        UserAccount user = em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email", UserAccount.class)
                .setParameter("email", UserAccount.normalizeEmail(email)).getSingleResult();
        String token = Tokens.newToken();
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.persist(new RememberToken(user, Tokens.hash(token), now, now.plus(lifetime()), sourceAddress, userAgent));
        trail.record(null, user.getId(), user.getEmail(), "remember.issue", null, null, sourceAddress);
        return token;
    }

    /**
     * The account a valid token belongs to, with the token that replaces it (the cookie is rewritten at every use);
     * an expired token is deleted on the way. A token that was already replaced is a copy in someone else's hands
     * (or the owner's, after the thief used it): the whole series is revoked and {@code remember.reuse} recorded.
     */
    public Optional<RememberedSignIn> redeem(String token, String sourceAddress) {
        Optional<RememberToken> found = find(token);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (found.isEmpty()) {
            replayed(token).ifPresent(series -> {
                UserAccount user = series.getUser();
                em.remove(series);
                trail.record(null, user.getId(), user.getEmail(), "remember.reuse", null,
                        "an already replaced remember-me token was presented: its browser is signed out",
                        sourceAddress);
            });
            return Optional.empty();
        }
        RememberToken remembered = found.get();
        if (!remembered.isValid(now) || remembered.getUser().isMustChangePassword()) {
            em.remove(remembered);
            return Optional.empty();
        }
        String next = Tokens.newToken();
        remembered.rotate(Tokens.hash(next), now);
        UserAccount user = remembered.getUser();
        user.signedIn(now);
        trail.record(null, user.getId(), user.getEmail(), "login.remembered", null, null, sourceAddress);
        return Optional.of(new RememberedSignIn(SignedIn.of(user), next));
    }

    /** A sign-in by remember-me cookie and the token the cookie now holds. */
    public record RememberedSignIn(SignedIn signedIn, String token) {
    }

    /** Logout: the browser's token stops working. */
    public void revoke(String token) {
        find(token).ifPresent(em::remove);
    }

    private Optional<RememberToken> replayed(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return em.createQuery("SELECT t FROM RememberToken t JOIN FETCH t.user WHERE t.previousHash = :hash",
                        RememberToken.class)
                .setParameter("hash", Tokens.hash(token)).getResultStream().findFirst();
    }

    private Optional<RememberToken> find(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return em.createQuery("SELECT t FROM RememberToken t JOIN FETCH t.user WHERE t.tokenHash = :hash",
                        RememberToken.class)
                .setParameter("hash", Tokens.hash(token)).getResultStream().findFirst();
    }
}
