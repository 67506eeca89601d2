package org.caart.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeTextTest {

    @Test
    void timesAreInTheCompanysZoneToTheMinute() {
        OffsetDateTime t = OffsetDateTime.parse("2026-12-05T00:05:41.123456Z");
        assertEquals("5 Dec 2026, 01:05 CET", TimeText.at(t, ZoneId.of("Europe/Berlin")));
        assertEquals("4 Dec 2026, 19:05 EST", TimeText.at(t, ZoneId.of("America/New_York")));
        assertEquals("", TimeText.at(null, ZoneId.of("UTC")));
    }

    @Test
    void durationsReadAsWords() {
        assertEquals("12 s", TimeText.duration(Duration.ofSeconds(12)));
        assertEquals("3 min 12 s", TimeText.duration(Duration.ofSeconds(192)));
        assertEquals("2 min", TimeText.duration(Duration.ofMinutes(2)));
        assertEquals("2 h 5 min", TimeText.duration(Duration.ofMinutes(125)));
        assertEquals("–", TimeText.duration(null));
    }
}
