package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The outbox delivers through Jakarta Mail to a real SMTP server (GreenMail). */
@ExtendWith(SharedServer.class)
class MailIT {

    @Test
    void testMailReachesTheSmtpServer() throws Exception {
        String recipient = "ciso-" + System.nanoTime() + "@example.test";
        Api.Reply queued = SharedServer.operatorApi().post("/api/system/mails/test", "{\"to\":\"" + recipient + "\"}");
        assertEquals(202, queued.status(), queued.body());
        long id = queued.json().getJsonNumber("id").longValue();

        MimeMessage message = Wait.until(Duration.ofSeconds(40), () -> Arrays.stream(SharedServer.mail().getReceivedMessages())
                .filter(m -> recipientIs(m, recipient)).findFirst().orElse(null));
        assertEquals("CAaRT test mail", message.getSubject());
        assertTrue(message.getFrom()[0].toString().contains("caart@caart.test"));

        String status = Wait.until(Duration.ofSeconds(20), () -> SharedServer.operatorApi().get("/api/system/mails")
                .array().getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(m -> m.getJsonNumber("id").longValue() == id && "SENT".equals(m.getString("status")))
                .map(m -> m.getString("status")).findFirst().orElse(null));
        assertEquals("SENT", status);
    }

    @Test
    void invalidRecipientIsRejectedWithTheField() {
        Api.Reply reply = SharedServer.operatorApi().post("/api/system/mails/test", "{\"to\":\"not an address\"}");
        assertEquals(400, reply.status());
        assertEquals("Enter a valid email address", reply.json().getJsonObject("fields").getString("recipient"));
    }

    private static boolean recipientIs(MimeMessage message, String recipient) {
        try {
            return message.getAllRecipients()[0].toString().equals(recipient);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
