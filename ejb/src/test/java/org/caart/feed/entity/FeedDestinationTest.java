package org.caart.feed.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.caart.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class FeedDestinationTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 5, 4, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void failuresBackOffDoublingUpToFiveMinutesAndADeliveryClearsThem() {
        FeedDestination d = new FeedDestination(1, "siem", "siem.example", 6514, true, null, Payload.JSON, 5, NOW);
        assertEquals(5, d.getDeliveredSeq(), "a new destination starts after the company's last number");
        assertTrue(d.due(NOW));
        d.failed("Connection refused", NOW);
        assertEquals(NOW.plusSeconds(1), d.getNextAttempt());
        assertFalse(d.due(NOW));
        d.failed("Connection refused", NOW);
        d.failed("Connection refused", NOW);
        assertEquals(NOW.plusSeconds(4), d.getNextAttempt());
        assertEquals(Duration.ofMinutes(5), FeedDestination.backoff(30));
        assertEquals(NOW, d.getFailingSince());
        d.delivered(9, NOW.plusMinutes(1));
        assertEquals(0, d.getFailures());
        assertNull(d.getNextAttempt());
        assertEquals(9, d.getDeliveredSeq());
        d.delivered(7, NOW.plusMinutes(2));
        assertEquals(9, d.getDeliveredSeq(), "never goes back");
        assertEquals("Connection refused", d.getLastError(), "the last error stays visible");
    }

    @Test
    void badSettingsAreRefusedWithTheirField() {
        assertField("port", () -> new FeedDestination(1, "s", "siem.example", 0, false, null, Payload.CEF, 0, NOW));
        assertField("host", () -> new FeedDestination(1, "s", "siem example", 514, false, null, Payload.CEF, 0, NOW));
        assertField("name", () -> new FeedDestination(1, " ", "siem.example", 514, false, null, Payload.CEF, 0, NOW));
        assertField("payload", () -> new FeedDestination(1, "s", "siem.example", 514, false, null, null, 0, NOW));
        assertField("caCertificate", () -> new FeedDestination(1, "s", "siem.example", 514, false,
                "-----BEGIN CERTIFICATE-----", Payload.CEF, 0, NOW));
        assertField("caCertificate", () -> new FeedDestination(1, "s", "siem.example", 6514, true, "not a pem",
                Payload.CEF, 0, NOW));
    }

    private static void assertField(String field, Runnable creation) {
        InvalidInputException e = assertThrows(InvalidInputException.class, creation::run);
        assertTrue(e.fieldErrors().containsKey(field), e.fieldErrors() + " names " + field);
    }
}
