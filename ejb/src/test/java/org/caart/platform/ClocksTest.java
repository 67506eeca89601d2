package org.caart.platform;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClocksTest {

    private static Clocks started(boolean testMode, String offset) {
        Clocks clocks = new Clocks();
        clocks.testMode = testMode;
        clocks.startOffset = Optional.ofNullable(offset);
        clocks.applyStartOffset();
        return clocks;
    }

    private static boolean near(Instant actual, Instant expected) {
        return Duration.between(actual, expected).abs().compareTo(Duration.ofSeconds(5)) < 0;
    }

    @Test
    void aTestModeServerStartsWithItsClockAheadByTheOffset() {
        Clocks clocks = started(true, "PT1000000H");
        assertTrue(near(clocks.clock().instant(), Instant.now().plus(Duration.ofHours(1_000_000))),
                clocks.clock().instant().toString());
    }

    @Test
    void withoutTestModeTheOffsetIsIgnored() {
        Clocks clocks = started(false, "PT1000000H");
        assertTrue(near(clocks.clock().instant(), Instant.now()), clocks.clock().instant().toString());
        assertThrows(ForbiddenException.class, () -> clocks.setNow(Instant.parse("2200-01-01T00:00:00Z")));
    }

    @Test
    void noOffsetOrABlankOneIsTheRealTime() {
        assertTrue(near(started(true, null).clock().instant(), Instant.now()));
        assertTrue(near(started(true, " ").clock().instant(), Instant.now()));
    }

    @Test
    void aMalformedOffsetStopsTheStartWithTheVariableNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> started(true, "3 days"));
        assertTrue(e.getMessage().contains("CAART_TEST_CLOCK_OFFSET"), e.getMessage());
    }

    @Test
    void setNowStillMovesAClockStartedAhead() {
        Clocks clocks = started(true, "P2D");
        clocks.setNow(Instant.parse("2200-03-01T06:30:00Z"));
        assertTrue(near(clocks.clock().instant(), Instant.parse("2200-03-01T06:30:00Z")));
    }
}
