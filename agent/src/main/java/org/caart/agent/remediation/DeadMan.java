package org.caart.agent.remediation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * After a change to remote access: asks the server probe until it answers or {@code limit} has passed since the
 * change. False means the change may have cut the agent (and the administrator) off, and the caller reverts it.
 */
final class DeadMan {

    private static final Duration RETRY = Duration.ofSeconds(1);

    private DeadMan() {
    }

    static boolean confirm(ServerProbe probe, Duration limit, Clock clock, Pause pause) {
        Instant deadline = clock.instant().plus(limit);
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return false;
            }
            if (probe.reachable(left)) {
                return true;
            }
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            pause.sleep(RETRY.compareTo(left) < 0 ? RETRY : left);
        }
    }
}
