package org.caart.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final int LIMIT = 5;
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration LOCK = Duration.ofMinutes(15);

    private final OffsetDateTime start = OffsetDateTime.parse("2026-11-21T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle("ana@clinic.example", start);

    @Test
    void fourFailuresDoNotLock() {
        for (int i = 0; i < 4; i++) {
            assertFalse(fail(start.plusMinutes(i)));
            assertFalse(throttle.isLocked(start.plusMinutes(i)));
        }
        assertNull(throttle.getLockedUntil());
        assertEquals(4, throttle.getFailures());
    }

    @Test
    void theFifthFailureWithinTheWindowLocksForExactlyTheLockTime() {
        OffsetDateTime fifth = failUntilLocked(start);
        assertEquals(fifth.plus(LOCK), throttle.getLockedUntil());
        assertTrue(throttle.isLocked(fifth));
        assertTrue(throttle.isLocked(fifth.plus(LOCK).minusNanos(1)));
        assertFalse(throttle.isLocked(fifth.plus(LOCK)));
    }

    @Test
    void failuresOutsideTheWindowStartANewCount() {
        for (int i = 0; i < 4; i++) {
            assertFalse(fail(start.plusMinutes(i)));
        }
        OffsetDateTime afterWindow = start.plus(WINDOW);
        assertFalse(fail(afterWindow), "the window has closed, so this is failure 1 of a new count");
        assertEquals(1, throttle.getFailures());
        for (int i = 1; i < 4; i++) {
            assertFalse(fail(afterWindow.plusMinutes(i)));
        }
        assertTrue(fail(afterWindow.plusMinutes(4)));
    }

    @Test
    void consecutiveLockoutsDoubleTheLock() {
        OffsetDateTime first = failUntilLocked(start);
        assertEquals(first.plus(LOCK), throttle.getLockedUntil());

        OffsetDateTime second = failUntilLocked(throttle.getLockedUntil());
        assertEquals(second.plus(LOCK.multipliedBy(2)), throttle.getLockedUntil());

        OffsetDateTime third = failUntilLocked(throttle.getLockedUntil());
        assertEquals(third.plus(LOCK.multipliedBy(4)), throttle.getLockedUntil());
    }

    @Test
    void theDoublingStopsAt64Times() {
        OffsetDateTime at = start;
        for (int lockout = 0; lockout < 7; lockout++) {
            at = failUntilLocked(at);
            assertEquals(at.plus(LOCK.multipliedBy(1L << lockout)), throttle.getLockedUntil(), "lockout " + lockout);
            at = throttle.getLockedUntil();
        }
        for (int lockout = 7; lockout < 10; lockout++) {
            at = failUntilLocked(at);
            assertEquals(at.plus(LOCK.multipliedBy(64)), throttle.getLockedUntil(), "lockout " + lockout);
            at = throttle.getLockedUntil();
        }
    }

    @Test
    void notLockedOnceTheLockHasPassed() {
        OffsetDateTime fifth = failUntilLocked(start);
        assertFalse(throttle.isLocked(fifth.plus(LOCK).plusSeconds(1)));
    }

    @Test
    void aSubjectThatStaysQuietAfterALockStartsAgainAtTheBaseLock() {
        OffsetDateTime first = failUntilLocked(start);
        OffsetDateTime second = failUntilLocked(throttle.getLockedUntil());
        assertEquals(second.plus(LOCK.multipliedBy(2)), throttle.getLockedUntil());
        OffsetDateTime quietUntil = throttle.getLockedUntil().plus(WINDOW).plus(LOCK.multipliedBy(4));
        OffsetDateTime third = failUntilLocked(quietUntil);
        assertEquals(third.plus(LOCK), throttle.getLockedUntil(), "back to the base lock after " + first);
    }

    @Test
    void aSubjectThatComesBackSoonerKeepsDoubling() {
        failUntilLocked(start);
        OffsetDateTime soon = throttle.getLockedUntil().plus(WINDOW);
        OffsetDateTime second = failUntilLocked(soon);
        assertEquals(second.plus(LOCK.multipliedBy(2)), throttle.getLockedUntil());
    }

    /** Five failures one second apart from {@code from}; returns the time of the fifth, which must lock. */
    private OffsetDateTime failUntilLocked(OffsetDateTime from) {
        for (int i = 0; i < LIMIT - 1; i++) {
            assertFalse(fail(from.plusSeconds(i)), "failure " + (i + 1));
        }
        OffsetDateTime fifth = from.plusSeconds(LIMIT - 1);
        assertTrue(fail(fifth), "failure " + LIMIT);
        return fifth;
    }

    private boolean fail(OffsetDateTime at) {
        return throttle.fail(at, LIMIT, WINDOW, LOCK);
    }
}
