package org.caart.agent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = Backoff.standard();

    @Test
    void theCeilingDoublesFromOneSecondUpToFiveMinutes() {
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L),
                IntStream.range(0, 11).mapToObj(n -> backoff.ceiling(n).toSeconds()).toList());
    }

    @Test
    void aShorterCapStopsTheDoublingEarlier() {
        Backoff short3 = Backoff.upTo(Duration.ofSeconds(3));
        assertEquals(List.of(1L, 2L, 3L, 3L, 3L), IntStream.range(0, 5).mapToObj(n -> short3.ceiling(n).toSeconds())
                .toList());
        assertEquals(Duration.ofSeconds(1), Backoff.upTo(Duration.ofSeconds(1)).ceiling(40));
    }

    @Test
    void hugeFailureCountsStayAtTheCap() {
        for (int failures : new int[] {31, 62, 63, 64, 1000, Integer.MAX_VALUE}) {
            assertEquals(Duration.ofMinutes(5), backoff.ceiling(failures), "failures " + failures);
        }
    }

    @Test
    void delaysAreFullJitterBetweenZeroAndTheCeiling() {
        Random random = new Random(42);
        for (int failures = 0; failures < 20; failures++) {
            long ceiling = backoff.ceiling(failures).toMillis();
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < 500; i++) {
                long delay = backoff.delay(failures, random).toMillis();
                assertTrue(delay >= 0 && delay <= ceiling, delay + " outside 0.." + ceiling);
                min = Math.min(min, delay);
                max = Math.max(max, delay);
            }
            assertTrue(min < ceiling / 10 && max > ceiling * 9 / 10, "not spread over 0.." + ceiling);
        }
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        List<Duration> first = IntStream.range(0, 10).mapToObj(n -> backoff.delay(n, new Random(7))).toList();
        List<Duration> second = IntStream.range(0, 10).mapToObj(n -> backoff.delay(n, new Random(7))).toList();
        assertEquals(first, second);
        assertNotEquals(first, IntStream.range(0, 10).mapToObj(n -> backoff.delay(n, new Random(8))).toList());
    }

    @Test
    void aBaseAboveTheCapIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofMinutes(5)));
    }
}
