package org.caart.account.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.caart.account.entity.LoginThrottle;
import org.caart.platform.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles password guessing per account (the email as typed, so unknown emails behave like known ones) and per
 * client address. Kept in the database so that it holds across restarts and server instances. Runs in the
 * caller's transaction.
 */
@Dependent
public class LoginThrottling {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "caart.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "caart.login.max-failures-per-address", defaultValue = "50")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "caart.login.window-minutes", defaultValue = "15")
    int windowMinutes;

    @Inject
    @ConfigProperty(name = "caart.login.lock-minutes", defaultValue = "15")
    int lockMinutes;

    /** The email as typed; one longer than an address can be (254) by its SHA-256, to fit the subject column. */
    public static String accountSubject(String email) {
        String typed = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return "account:" + (typed.length() <= 254 ? typed : "sha256:" + Tokens.hash(typed));
    }

    public static String addressSubject(String address) {
        return "address:" + address;
    }

    public boolean isLocked(String email, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return locked(accountSubject(email), now) || locked(addressSubject(address), now);
    }

    /** Counts a failure against both subjects; returns true when it locked either of them. */
    public boolean failed(String email, String address) {
        boolean account = fail(accountSubject(email), maxFailures);
        boolean host = fail(addressSubject(address), maxFailuresPerAddress);
        return account || host;
    }

    public void succeeded(String email) {
        LoginThrottle row = em.find(LoginThrottle.class, accountSubject(email));
        if (row != null) {
            em.remove(row);
        }
    }

    /** Deletes rows that hold no lock and whose window (and the decay of their lockout count) is long over. */
    public int purgeIdle() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minusDays(2);
        return em.createQuery("DELETE FROM LoginThrottle t WHERE t.windowStart < :cutoff "
                        + "AND (t.lockedUntil IS NULL OR t.lockedUntil < :cutoff)")
                .setParameter("cutoff", cutoff).executeUpdate();
    }

    private boolean locked(String subject, OffsetDateTime now) {
        LoginThrottle row = em.find(LoginThrottle.class, subject);
        return row != null && row.isLocked(now);
    }

    private boolean fail(String subject, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("INSERT INTO login_throttle (subject, failures, window_start, lockouts) "
                        + "VALUES (?, 0, ?, 0) ON CONFLICT DO NOTHING")
                .setParameter(1, subject)
                .setParameter(2, now)
                .executeUpdate();
        LoginThrottle row = em.find(LoginThrottle.class, subject, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
        return row.fail(now, limit, Duration.ofMinutes(windowMinutes), Duration.ofMinutes(lockMinutes));
    }
}
