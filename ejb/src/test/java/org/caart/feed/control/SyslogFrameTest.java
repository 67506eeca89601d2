package org.caart.feed.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.caart.feed.entity.FeedItem;
import org.junit.jupiter.api.Test;

class SyslogFrameTest {

    static final FeedItem CHANGED = new FeedItem(42, 7, OffsetDateTime.of(2026, 12, 5, 5, 51, 3, 214_000_000,
            ZoneOffset.ofHours(1)), "check.changed", "high", 11L, "web-01", "CIS Debian 12", "1.1.1",
            "Ensure cramfs | is \"off\"", "PASSED", "FAILED", "observed before: a; now: b=c\nd");

    @Test
    void octetCountingPrefixesTheMessageWithItsLengthInBytes() {
        byte[] framed = SyslogFrame.frame(CHANGED, "caart-1", "é payload");
        String text = new String(framed, StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        String message = text.substring(space + 1);
        assertEquals(message.getBytes(StandardCharsets.UTF_8).length, Integer.parseInt(text.substring(0, space)));
        assertEquals("<131>1 2026-12-05T04:51:03.214000Z caart-1 caart - check.changed [caart@32473 company=\"7\" "
                + "seq=\"42\" type=\"check.changed\"] é payload", message);
    }

    @Test
    void headerFieldsArePrintableAsciiWithoutSpaces() {
        assertEquals("a_b_c", SyslogFrame.token("a b\tc", 255));
        assertEquals("-", SyslogFrame.token("", 255));
        assertEquals(32, SyslogFrame.token("x".repeat(40), 32).length());
        assertEquals("a\\\"b\\]c\\\\", SyslogFrame.param("a\"b]c\\"));
    }

    @Test
    void severityFollowsTheEvent() {
        assertEquals(2, SyslogFrame.severity("critical"));
        assertEquals(4, SyslogFrame.severity("medium"));
        assertEquals(6, SyslogFrame.severity(null));
    }

    @Test
    void cefEscapesHeaderAndExtensionAsTheSpecificationSays() {
        String cef = Cef.of(CHANGED, "1.0|x");
        assertTrue(cef.startsWith("CEF:0|CAaRT|CAaRT|1.0\\|x|check.changed|Check 1.1.1 on web-01: PASSED -> FAILED "
                + "(Ensure cramfs \\| is \"off\")|8|rt=1796446263214 "), cef);
        assertTrue(cef.contains(" cn1Label=sequence cn1=42 "), cef);
        assertTrue(cef.contains(" cs5Label=before cs5=PASSED cs6Label=after cs6=FAILED "), cef);
        assertTrue(cef.contains("msg=Ensure cramfs | is \"off\": observed before: a; now: b\\=c\\nd"), cef);
        assertTrue(!cef.contains("\n"), "one line");
    }

    @Test
    void ocsfCarriesTheSequenceAndTheChange() {
        String json = OcsfEvent.of(CHANGED, "1.0");
        assertTrue(json.contains("\"class_uid\":2003"), json);
        assertTrue(json.contains("\"type_uid\":200302"), "an update of a known check: " + json);
        assertTrue(json.contains("\"sequence\":42"), json);
        assertTrue(json.contains("\"before\":\"PASSED\",\"after\":\"FAILED\""), json);
        assertTrue(json.contains("\"uid\":\"caart-7-42\""), json);
        FeedItem overdue = new FeedItem(1, 7, CHANGED.occurredAt(), "device.overdue", "high", null, null, null, null,
                "fw-1", null, "OVERDUE", null);
        assertTrue(OcsfEvent.of(overdue, "1.0").contains("\"class_uid\":2004"), "a detection finding");
    }
}
