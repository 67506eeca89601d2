package org.caart.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits sign-up attempts per client address (the "email already registered" answer tells who has an account, so
 * it must not be asked at will). Counts every attempt, good or bad, in a sliding window. Kept in memory: each
 * server instance counts on its own.
 */
@ApplicationScoped
public class SignUpThrottle {

    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "caart.signup.max-per-address", defaultValue = "10")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "caart.signup.window-minutes", defaultValue = "60")
    int windowMinutes;

    /** Records an attempt from this address; false when the address has used up its attempts for the window. */
    public boolean tryAcquire(String address) {
        return tryAcquire(address, clock.instant(), maxPerAddress, Duration.ofMinutes(windowMinutes));
    }

    boolean tryAcquire(String address, Instant now, int max, Duration window) {
        Deque<Instant> times = attempts.computeIfAbsent(address == null ? "unknown" : address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= max) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
