package org.caart.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polls until a condition yields a value; fails with a message when the time is up. No fixed sleeps in tests. */
final class Wait {

    private Wait() {
    }

    static <T> T until(Duration timeout, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
