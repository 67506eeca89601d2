package org.caart.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Failed sign-ins of one subject (an email as typed, registered or not, or a client address) within a window. At
 * the limit the subject is locked; each further lockout in a row lasts twice as long (capped at 64 times). A
 * subject that stays quiet after a lock for a window plus the next lock's length starts over; a successful sign-in
 * forgets the account's row, and rows that hold no lock are purged daily.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

    private static final int MAX_DOUBLINGS = 6;

    @Id
    @Column(name = "subject", length = 300)
    private String subject;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "window_start", nullable = false)
    private OffsetDateTime windowStart;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "lockouts", nullable = false)
    private int lockouts;

    protected LoginThrottle() {
    }

    public LoginThrottle(String subject, OffsetDateTime now) {
        this.subject = subject;
        this.windowStart = now;
    }

    public boolean isLocked(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts one failure; returns true when this failure locked the subject. */
    public boolean fail(OffsetDateTime now, int limit, Duration window, Duration lock) {
        if (lockedUntil != null && !lockedUntil.plus(window).plus(lock.multipliedBy(1L << Math.min(lockouts,
                MAX_DOUBLINGS))).isAfter(now)) {
            lockouts = 0; // quiet for as long again as the last lock lasted, plus a window: start over
        }
        if (!windowStart.plus(window).isAfter(now)) {
            failures = 0;
            windowStart = now;
        }
        failures++;
        if (failures < limit) {
            return false;
        }
        lockedUntil = now.plus(lock.multipliedBy(1L << Math.min(lockouts, MAX_DOUBLINGS)));
        lockouts++;
        failures = 0;
        windowStart = now;
        return true;
    }

    public String getSubject() {
        return subject;
    }

    public int getFailures() {
        return failures;
    }

    public OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }
}
