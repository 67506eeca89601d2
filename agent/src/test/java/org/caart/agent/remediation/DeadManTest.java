package org.caart.agent.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.caart.agent.transport.FakeServer;
import org.caart.agent.transport.HttpProbe;
import org.junit.jupiter.api.Test;

class DeadManTest {

    /** A clock that a pause moves forward. */
    private static final class Ticking extends Clock {
        private Instant now = Instant.parse("2026-12-04T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theServerAnsweringLateButInTimeKeepsTheChange() {
        Ticking clock = new Ticking();
        AtomicInteger calls = new AtomicInteger();
        assertTrue(DeadMan.confirm(timeout -> calls.incrementAndGet() == 3, Duration.ofSeconds(10), clock,
                d -> clock.now = clock.now.plus(d)));
        assertEquals(3, calls.get());
    }

    @Test
    void noAnswerWithinTheLimitRevertsAfterTheLimit() {
        Ticking clock = new Ticking();
        Instant start = clock.now;
        assertFalse(DeadMan.confirm(timeout -> false, Duration.ofSeconds(10), clock,
                d -> clock.now = clock.now.plus(d)));
        assertEquals(Duration.ofSeconds(10), Duration.between(start, clock.now));
    }

    @Test
    void theHttpProbeReachesAServerAndNotAClosedPort() throws Exception {
        try (FakeServer server = FakeServer.start()) {
            assertTrue(new HttpProbe(server.uri().resolve("/api/agent/v1/server-info"), null)
                    .reachable(Duration.ofSeconds(5)));
        }
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertFalse(new HttpProbe(java.net.URI.create("http://127.0.0.1:" + closed + "/"), null)
                .reachable(Duration.ofSeconds(2)));
    }
}
