package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** REST -> persistent JMS message -> message-driven bean -> database, on the shipped server. */
@ExtendWith(SharedServer.class)
class PipelineIT {

    @Test
    void probeSentThroughTheQueueIsStoredByTheConsumer() {
        Api api = SharedServer.operatorApi();
        Api.Reply sent = api.post("/api/system/pipeline/probes", null);
        assertEquals(202, sent.status(), sent.body());
        String id = sent.json().getString("id");
        assertNotNull(sent.header("Location"));

        JsonObject stored = Wait.until(Duration.ofSeconds(30), () -> {
            Api.Reply reply = api.get("/api/system/pipeline/probes/" + id);
            return reply.status() == 404 ? null : reply.json(); // stored by the consumer, not by the sender
        });
        assertFalse(stored.isNull("receivedAt"));
        assertEquals(1, stored.getInt("deliveries"));
    }
}
