package org.caart.agent.remediation;

import java.time.Duration;

/** Waits (settle times, dead-man retries); tests pass one that does not. An interrupt ends the wait early. */
@FunctionalInterface
public interface Pause {

    void sleep(Duration duration);

    static Pause real() {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
