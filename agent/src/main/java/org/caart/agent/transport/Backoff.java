package org.caart.agent.transport;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with full jitter: after the n-th failure in a row (n from 0) wait a random time between 0 and
 * min(cap, base × 2ⁿ), so that many agents coming back after an outage do not all knock at once.
 */
public record Backoff(Duration base, Duration cap) {

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < base <= cap");
        }
    }

    public static final Duration STANDARD_CAP = Duration.ofMinutes(5);

    /** 1 s doubling up to 5 min. */
    public static Backoff standard() {
        return upTo(STANDARD_CAP);
    }

    /** 1 s doubling up to {@code cap} (at least 1 s). */
    public static Backoff upTo(Duration cap) {
        return new Backoff(Duration.ofSeconds(1), cap);
    }

    /** The upper bound of the wait after {@code failures} failures in a row. */
    public Duration ceiling(int failures) {
        int doublings = Math.max(0, Math.min(failures, 62));
        long baseMillis = base.toMillis();
        long capMillis = cap.toMillis();
        long millis = baseMillis > capMillis >> doublings ? capMillis : Math.min(capMillis, baseMillis << doublings);
        return Duration.ofMillis(millis);
    }

    public Duration delay(int failures, RandomGenerator random) {
        return Duration.ofMillis(random.nextLong(ceiling(failures).toMillis() + 1));
    }
}
