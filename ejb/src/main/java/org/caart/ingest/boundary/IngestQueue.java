package org.caart.ingest.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * Sends to the ingest queue inside the caller's JTA transaction: the message exists exactly when the caller's
 * transaction commits. Persistent delivery. (The adapter's connection factory has no JMS 2.0 simplified API,
 * hence connection, session and producer.)
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
@ConnectionFactoryDefinition(
        name = IngestQueue.CONNECTION_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = IngestQueue.RESOURCE_ADAPTER,
        transactionSupport = TransactionSupportLevel.XATransaction,
        minPoolSize = 1,
        maxPoolSize = 32)
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

    @Resource(lookup = CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = QUEUE)
    Queue queue;

    public void send(String type, String body) {
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession(Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty(TYPE, type);
            producer.send(message);
        } catch (JMSException e) {
            throw new IllegalStateException("Could not enqueue a " + type + " message: " + e.getMessage(), e);
        }
    }

    /** Opens and closes a connection: the broker answers. For the readiness check. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void ping() throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.getMetaData();
        }
    }
}
