package org.caart.mail.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OutboxMailTest {

    private final OffsetDateTime now = OffsetDateTime.of(2026, 3, 1, 6, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void failedDeliveryIsRetriedWithDoublingBackOffCappedAtAnHour() {
        OutboxMail mail = new OutboxMail(1L, "ciso@example.test", "Digest", "text", null, now);
        mail.failed("connection refused", now);
        assertEquals(now.plusSeconds(30), mail.getNextAttemptAt());
        mail.failed("connection refused", now);
        assertEquals(now.plusSeconds(60), mail.getNextAttemptAt());
        for (int i = 0; i < 20; i++) {
            mail.failed("connection refused", now);
        }
        assertEquals(now.plusHours(1), mail.getNextAttemptAt());
        assertEquals(MailStatus.PENDING, mail.getStatus(), "a failing mail is never given up");
        assertEquals(22, mail.getAttempts());
    }

    @Test
    void deliveredMailIsSentAndForgetsItsError() {
        OutboxMail mail = new OutboxMail(null, "ops@example.test", "Test", "text", "<p>html</p>", now);
        mail.failed("timeout", now);
        mail.delivered(now.plusMinutes(1));
        assertEquals(MailStatus.SENT, mail.getStatus());
        assertEquals(null, mail.getLastError());
        assertEquals(now.plusMinutes(1), mail.getSentAt());
    }
}
