package org.caart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimesTest {

    @Test
    void anInstantReadsInTheCompanysZoneToTheMinuteWithTheZonesName() {
        OffsetDateTime at = OffsetDateTime.parse("2026-12-05T13:03:27.123456Z");
        assertEquals("5 Dec 2026, 14:03 CET", Times.human(at, ZoneId.of("Europe/Berlin")));
        assertEquals("5 Jul 2026, 15:03 CEST", Times.human(at.withMonth(7), ZoneId.of("Europe/Berlin")));
        assertEquals("5 Dec 2026, 08:03 EST", Times.human(at.toInstant(), ZoneId.of("America/New_York")));
        assertEquals("5 Dec 2026, 13:03 UTC", Times.human(at, ZoneOffset.UTC));
    }

    @Test
    void noneReadsAsNothingAndAnUnknownZoneAsUtc() {
        assertEquals("", Times.human((OffsetDateTime) null, ZoneOffset.UTC));
        assertEquals("", Times.human((Instant) null, ZoneOffset.UTC));
        assertEquals(Times.UTC, Times.zone("Mars/Olympus"));
        assertEquals(Times.UTC, Times.zone(null));
        assertEquals("5 Dec 2026, 13:03 UTC", Times.human(OffsetDateTime.parse("2026-12-05T13:03:00Z"), null));
    }
}
