package org.caart.ingest.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.lang.System.Logger.Level;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.caart.platform.SchemaMigration;

/**
 * Consumes the ingest queue at least once: the adapter acknowledges a message (its own local transaction) only
 * after onMessage has returned, and each store is its own database transaction that tolerates a repeat. A
 * message whose store fails is redelivered with back-off, then parked in the dead-letter queue {@code ActiveMQ.DLQ}.
 * Messages other than the pipeline's probes go to the {@link IngestHandler} of their type, which their sender's
 * component provides.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = IngestQueue.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = IngestQueue.PHYSICAL_NAME),
    @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "8"),
    @ActivationConfigProperty(propertyName = "useRAManagedTransaction", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = "6"),
    @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "1000"),
    @ActivationConfigProperty(propertyName = "useExponentialBackOff", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "backOffMultiplier", propertyValue = "2")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IngestConsumer implements MessageListener {

    private static final System.Logger LOG = System.getLogger(IngestConsumer.class.getName());

    @EJB
    SchemaMigration schema;

    @Inject
    Pipeline pipeline;

    @Inject
    IngestQueue queue;

    @Inject
    @Any
    Instance<IngestHandler> handlerBeans;

    private final Map<String, IngestHandler> handlers = new HashMap<>();

    @PostConstruct
    void findHandlers() {
        handlerBeans.forEach(handler -> handlers.put(handler.type(), handler));
    }

    @Override
    public void onMessage(Message message) {
        if (!schema.ready()) {
            throw new IllegalStateException("Database schema not migrated yet; message will be redelivered");
        }
        try {
            String type = message.getStringProperty(IngestQueue.TYPE);
            IngestHandler handler = type == null ? null : handlers.get(type);
            if (Pipeline.PROBE.equals(type) && message instanceof TextMessage text) {
                pipeline.probeReceived(text.getText(), sentAt(message));
            } else if (handler != null) {
                handler.apply(message);
            } else {
                unreadable(message, "unknown message type " + type);
            }
        } catch (UnreadableMessage e) {
            unreadable(message, e.getMessage());
        } catch (JMSException e) {
            throw new IllegalStateException("Could not read an ingest message; it will be redelivered", e);
        }
    }

    /** A message that can never be applied goes to the dead-letter queue at once; retrying cannot help it. */
    private void unreadable(Message message, String reason) {
        LOG.log(Level.WARNING, "Ingest message parked in the dead-letter queue: {0}", reason);
        queue.deadLetter(message, reason);
    }

    private static OffsetDateTime sentAt(Message message) throws JMSException {
        String value = message.getStringProperty(Pipeline.SENT_AT);
        try {
            return OffsetDateTime.parse(value);
        } catch (RuntimeException e) {
            throw new UnreadableMessage("probe without a valid " + Pipeline.SENT_AT + ": " + value);
        }
    }
}
