package org.caart.mail.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aFailedAttemptEndsItsLeaseSoTheBackOffDecidesTheRetry() throws ReflectiveOperationException {
        OutboxMail mail = new OutboxMail(1L, "ciso@example.test", "Digest", "text", null, now);
        // what Outbox.claimDue's UPDATE sets: this instance holds the mail for two minutes
        java.lang.reflect.Field until = OutboxMail.class.getDeclaredField("leaseUntil");
        until.setAccessible(true);
        until.set(mail, now.plusMinutes(2));
        mail.failed("connection refused", now);
        assertNull(mail.getLeaseUntil(), "the lease would hold the retry back to its end");
        assertEquals(now.plusSeconds(30), mail.getNextAttemptAt());
    }

    @Test
    void aCapturedMailKeepsNoOneTimeLinkButOrdinaryMailKeepsItsBody() {
        OutboxMail invitation = new OutboxMail(1L, "new@example.test", "Invitation",
                "Open https://caart.example/invite.xhtml?token=abc", "<a href=\"x?token=abc\">Accept</a>", now)
                .holdingSecret();
        invitation.captured(now);
        assertEquals(MailStatus.CAPTURED, invitation.getStatus());
        assertFalse(invitation.getTextBody().contains("token"), invitation.getTextBody());
        assertNull(invitation.getHtmlBody());

        OutboxMail digest = new OutboxMail(1L, "ciso@example.test", "Digest", "3 overdue", null, now);
        digest.captured(now);
        assertEquals("3 overdue", digest.getTextBody());
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

    @Test
    void aMailHoldingASecretLosesItsBodyOnceDelivered() {
        OffsetDateTime now = OffsetDateTime.parse("2026-11-21T10:00:00Z");
        OutboxMail mail = new OutboxMail(7L, "new@example.test", "Invitation", "link: https://x/invite?token=abc",
                "<a href=\"https://x/invite?token=abc\">accept</a>", now).holdingSecret();
        mail.failed("connection refused", now);
        assertTrue(mail.getTextBody().contains("token=abc"),
                "kept while it still has to be sent");
        mail.delivered(now.plusMinutes(1));
        assertFalse(mail.getTextBody().contains("token"), mail.getTextBody());
        assertNull(mail.getHtmlBody());
    }

    @Test
    void anOrdinaryMailKeepsItsBody() {
        OffsetDateTime now = OffsetDateTime.parse("2026-11-21T10:00:00Z");
        OutboxMail mail = new OutboxMail(null, "ops@example.test", "Digest", "body", "<p>body</p>", now);
        mail.delivered(now);
        assertEquals("body", mail.getTextBody());
    }
}
