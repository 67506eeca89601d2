package org.caart.ingest.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * Sends to the ingest queue: persistent delivery, which ActiveMQ performs synchronously outside a transaction,
 * so a caller that answers 202 afterwards has the message safely in the broker's store. Deliberately not XA:
 * Payara recovers XA transactions before the adapter is deployed, which left crashed JMS branches in doubt;
 * instead the consumer is idempotent, so a redelivered message changes nothing.
 * (The adapter's connection factory has no JMS 2.0 simplified API, hence connection, session and producer.)
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ConnectionFactoryDefinition(
        name = IngestQueue.CONNECTION_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = IngestQueue.RESOURCE_ADAPTER,
        transactionSupport = TransactionSupportLevel.NoTransaction,
        minPoolSize = 1,
        maxPoolSize = 32)
@AdministeredObjectDefinition(
        name = IngestQueue.DEAD_LETTER_QUEUE,
        interfaceName = "jakarta.jms.Queue",
        className = "org.apache.activemq.command.ActiveMQQueue",
        resourceAdapter = IngestQueue.RESOURCE_ADAPTER,
        properties = "PhysicalName=" + IngestQueue.DEAD_LETTER_PHYSICAL_NAME)
@AdministeredObjectDefinition(
        name = IngestQueue.QUEUE,
        interfaceName = "jakarta.jms.Queue",
        className = "org.apache.activemq.command.ActiveMQQueue",
        resourceAdapter = IngestQueue.RESOURCE_ADAPTER,
        properties = "PhysicalName=" + IngestQueue.PHYSICAL_NAME)
public class IngestQueue {

    public static final String RESOURCE_ADAPTER = "caart-jms";
    public static final String CONNECTION_FACTORY = "java:app/jms/caartConnectionFactory";
    public static final String QUEUE = "java:app/jms/ingestQueue";
    public static final String PHYSICAL_NAME = "caart.ingest";
    public static final String TYPE = "caartType";
    public static final String DEAD_LETTER_QUEUE = "java:app/jms/deadLetterQueue";
    /** ActiveMQ's own dead-letter queue: where exhausted redeliveries go, and where unreadable messages are parked. */
    public static final String DEAD_LETTER_PHYSICAL_NAME = "ActiveMQ.DLQ";
    static final String DEAD_LETTER_REASON = "caartDeadLetterReason";

    @Resource(lookup = CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = QUEUE)
    Queue queue;

    @Resource(lookup = DEAD_LETTER_QUEUE)
    Queue deadLetters;

    /** Sends; a persistent send outside a transaction is synchronous, so on return the broker has stored it. */
    public void send(String type, String body, Map<String, String> properties) {
        send(type, properties, session -> session.createTextMessage(body));
    }

    /**
     * Sends a body as it came, as bytes (a result batch's JSON, already checked: the consumer parses it once and
     * nothing is serialized again on the way). Synchronous like {@link #send(String, String, Map)}.
     */
    public void sendBytes(String type, byte[] body, Map<String, String> properties) {
        send(type, properties, session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            return message;
        });
    }

    private void send(String type, Map<String, String> properties, MessageBody body) {
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            Message message = body.create(session);
            message.setStringProperty(TYPE, type);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            producer.send(message);
        } catch (JMSException e) {
            throw new IllegalStateException("Could not enqueue a " + type + " message: " + e.getMessage(), e);
        }
    }

    /** The bytes of a message's body: a bytes message's content, a text message's text in UTF-8. */
    public static byte[] body(Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            bytes.reset();
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            return body;
        }
        if (message instanceof TextMessage text && text.getText() != null) {
            return text.getText().getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }

    @FunctionalInterface
    private interface MessageBody {

        Message create(Session session) throws JMSException;
    }

    /** Parks a message that can never be applied, with the reason, where the platform operator sees it. */
    public void deadLetter(Message original, String reason) {
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            Message copy;
            if (original instanceof BytesMessage) {
                BytesMessage bytes = session.createBytesMessage();
                bytes.writeBytes(body(original));
                copy = bytes;
            } else {
                copy = session.createTextMessage(original instanceof TextMessage text ? text.getText()
                        : "(" + original.getClass().getSimpleName() + ")");
            }
            copy.setStringProperty(TYPE, original.getStringProperty(TYPE));
            copy.setStringProperty(DEAD_LETTER_REASON, reason);
            MessageProducer producer = session.createProducer(deadLetters);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(copy);
        } catch (JMSException e) {
            throw new IllegalStateException("Could not park a message in the dead-letter queue: " + e.getMessage(), e);
        }
    }

    /** The oldest messages in the dead-letter queue, without taking them off it. */
    public List<DeadLetter> browseDeadLetters(int max) {
        List<DeadLetter> found = new ArrayList<>();
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                QueueBrowser browser = session.createBrowser(deadLetters)) {
            connection.start();
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && found.size() < max) {
                found.add(DeadLetter.of((Message) messages.nextElement()));
            }
            return found;
        } catch (JMSException e) {
            throw new IllegalStateException("Could not read the dead-letter queue: " + e.getMessage(), e);
        }
    }

    /** Opens and closes a connection: the broker answers. For the readiness check. */
    public void ping() throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.getMetaData();
        }
    }
}
