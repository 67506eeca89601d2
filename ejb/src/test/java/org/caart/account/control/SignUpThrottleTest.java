package org.caart.account.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignUpThrottleTest {

    private final SignUpThrottle throttle = new SignUpThrottle();
    private final Instant start = Instant.parse("2026-11-21T10:00:00Z");
    private final Duration hour = Duration.ofHours(1);

    @Test
    void anAddressGetsItsAttemptsPerWindowThenWaits() {
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.tryAcquire("10.0.0.1", start.plusSeconds(i), 3, hour));
        }
        assertFalse(throttle.tryAcquire("10.0.0.1", start.plusSeconds(10), 3, hour));
        assertTrue(throttle.tryAcquire("10.0.0.2", start.plusSeconds(10), 3, hour), "other addresses are not affected");
        assertTrue(throttle.tryAcquire("10.0.0.1", start.plus(hour).plusSeconds(1), 3, hour),
                "the oldest attempt has left the window");
    }

    @Test
    void refusedAttemptsDoNotExtendTheWait() {
        assertTrue(throttle.tryAcquire("10.0.0.3", start, 1, hour));
        for (int i = 1; i < 50; i++) {
            assertFalse(throttle.tryAcquire("10.0.0.3", start.plusSeconds(i * 60L), 1, hour));
        }
        assertTrue(throttle.tryAcquire("10.0.0.3", start.plus(hour).plusSeconds(1), 1, hour));
    }
}
