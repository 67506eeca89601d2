package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.Destination;
import org.apache.activemq.command.ActiveMQQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CAART_BROKER_URL points the JMS adapter at an external ActiveMQ broker instead of the embedded one. */
class ExternalBrokerIT {

    private final BrokerService broker = new BrokerService();
    private CaartServer server;
    private Api api;
    private int port;

    @BeforeEach
    void startBrokerAndServer() throws Exception {
        port = CaartServer.freePort();
        broker.setBrokerName("external-" + port);
        broker.setPersistent(false);
        broker.setUseJmx(false);
        broker.addConnector("tcp://127.0.0.1:" + port);
        broker.start();
        String password = SharedServer.randomPassword();
        Map<String, String> env = new HashMap<>(TestDatabases.blank("broker"));
        env.put("CAART_BROKER_URL", "tcp://127.0.0.1:" + port);
        env.put("CAART_ADMIN_EMAIL", "ops@caart.test");
        env.put("CAART_ADMIN_PASSWORD", password);
        server = CaartServer.configure("external-broker", env).start();
        api = new Api(server, "ops@caart.test", password);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        broker.stop();
    }

    @Test
    void ingestGoesThroughTheExternalBroker() throws Exception {
        String id = api.post("/api/system/pipeline/probes", null).json().getString("id");
        JsonObject probe = Wait.until(Duration.ofSeconds(30), () -> {
            Api.Reply reply = api.get("/api/system/pipeline/probes/" + id);
            return reply.status() == 404 ? null : reply.json();
        });
        assertFalse(probe.isNull("receivedAt"));

        Destination queue = broker.getDestination(new ActiveMQQueue("caart.ingest"));
        assertTrue(queue.getDestinationStatistics().getDequeues().getCount() >= 1,
                "the probe went through the external broker");
        try (Stream<Path> store = Files.list(server.dataDir().resolve("broker"))) {
            assertEquals(0, store.count(), "no embedded broker store");
        }
    }

    @Test
    void unreadableMessageIsParkedInTheDeadLetterQueueForTheOperator() throws Exception {
        Api.Reply empty = api.get("/api/system/pipeline/dead-letters");
        assertEquals(200, empty.status(), empty.body());
        assertEquals(0, empty.array().size());

        String body = "probe-without-date-" + System.nanoTime();
        sendToIngest(session -> {
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty("caartType", "probe");
            return message;
        });

        JsonObject parked = parked(body);
        assertEquals("probe", parked.getString("type"));
        assertTrue(parked.getString("reason").startsWith("probe without a valid probeSentAt"), parked.toString());
        assertEquals(404, api.get("/api/system/pipeline/probes/" + body).status(), "nothing half-stored");

        // result batches travel as the request's bytes; one that cannot be read is shown as text, with its reason
        String batch = "{\"batchId\": \"not json " + System.nanoTime() + " ü";
        sendToIngest(session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(batch.getBytes(StandardCharsets.UTF_8));
            message.setStringProperty("caartType", "result-batch");
            message.setStringProperty("caartEndpointId", "1");
            return message;
        });
        JsonObject bytes = parked(batch);
        assertEquals("result-batch", bytes.getString("type"));
        assertTrue(bytes.getString("reason").startsWith("result batch that is not valid JSON"), bytes.toString());
        assertEquals(2, api.get("/api/system/pipeline/dead-letters").array().size());
    }

    interface MessageFactory {
        Message create(Session session) throws Exception;
    }

    /** Puts a message straight on the external broker's ingest queue, as a foreign or broken producer would. */
    private void sendToIngest(MessageFactory factory) throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port).createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            session.createProducer(session.createQueue("caart.ingest")).send(factory.create(session));
        }
    }

    /** The dead letter whose body is the given text, once the operator's API lists it (at most 30 s). */
    private JsonObject parked(String body) {
        return Wait.until(Duration.ofSeconds(30), () -> api.get("/api/system/pipeline/dead-letters")
                .array().getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("body").equals(body)).findFirst().orElse(null));
    }
}
