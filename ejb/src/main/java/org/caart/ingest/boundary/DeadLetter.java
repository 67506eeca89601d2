package org.caart.ingest.boundary;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A message in the dead-letter queue, as the platform operator sees it (the body cut to 500 characters). */
public record DeadLetter(String messageId, String type, OffsetDateTime enqueuedAt, String reason, String body) {

    static DeadLetter of(Message message) throws JMSException {
        byte[] bytes = IngestQueue.body(message);
        // the start of the body; a bytes message (a result batch as it came) is read as UTF-8, a cut character
        // shows as U+FFFD
        String body = new String(bytes, 0, Math.min(bytes.length, 2000), StandardCharsets.UTF_8);
        String reason = message.getStringProperty(IngestQueue.DEAD_LETTER_REASON);
        if (reason == null) {
            // put there by the broker after the last redelivery; ActiveMQ records the consumer's last error
            reason = message.getStringProperty("dlqDeliveryFailureCause");
        }
        return new DeadLetter(message.getJMSMessageID(), message.getStringProperty(IngestQueue.TYPE),
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(message.getJMSTimestamp()), ZoneOffset.UTC),
                reason == null ? "redeliveries exhausted" : reason,
                body.length() <= 500 ? body : body.substring(0, 500));
    }
}
