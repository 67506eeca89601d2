package org.caart.ingest.boundary;

import jakarta.ejb.ActivationConfigProperty;
import org.caart.audit.boundary.AuditIngest;
import org.caart.audit.control.BatchJson;
import org.caart.contract.agent.v1.ResultBatchView;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.lang.System.Logger.Level;
import java.time.OffsetDateTime;
import org.caart.platform.InvalidInputException;
import org.caart.platform.SchemaMigration;

/**
 * Consumes the ingest queue at least once: the adapter acknowledges a message (its own local transaction) only
 * after onMessage has returned, and each store is its own database transaction that tolerates a repeat. A
 * message whose store fails is redelivered with back-off, then parked in the dead-letter queue {@code ActiveMQ.DLQ}.
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
    AuditIngest audits;

    /**
     * A batch of an agent's results with the sender's endpoint id: the request body as it came (a bytes message,
     * checked by {@code AgentReports} before it was sent), or, as earlier builds queued it, the batch as JSON text.
     */
    public static final String RESULT_BATCH = "result-batch";
    public static final String ENDPOINT_ID = "caartEndpointId";

    @Override
    public void onMessage(Message message) {
        if (!schema.ready()) {
            throw new IllegalStateException("Database schema not migrated yet; message will be redelivered");
        }
        try {
            String type = message.getStringProperty(IngestQueue.TYPE);
            if (Pipeline.PROBE.equals(type) && message instanceof TextMessage text) {
                pipeline.probeReceived(text.getText(), sentAt(message));
            } else if (RESULT_BATCH.equals(type)) {
                audits.apply(endpointId(message), batch(IngestQueue.body(message)));
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

    private static long endpointId(Message message) throws JMSException {
        if (!message.propertyExists(ENDPOINT_ID)) {
            throw new UnreadableMessage("result batch without " + ENDPOINT_ID);
        }
        return message.getLongProperty(ENDPOINT_ID);
    }

    private static ResultBatchView batch(byte[] json) {
        try {
            ResultBatchView batch = BatchJson.read(json);
            if (batch == null || batch.batchId() == null || batch.runId() == null) {
                throw new UnreadableMessage("result batch without batch or run id");
            }
            return batch;
        } catch (InvalidInputException e) {
            throw new UnreadableMessage("result batch that is not valid JSON: " + e.getMessage());
        }
    }

    private static OffsetDateTime sentAt(Message message) throws JMSException {
        String value = message.getStringProperty(Pipeline.SENT_AT);
        try {
            return OffsetDateTime.parse(value);
        } catch (RuntimeException e) {
            throw new UnreadableMessage("probe without a valid " + Pipeline.SENT_AT + ": " + value);
        }
    }

    private static final class UnreadableMessage extends RuntimeException {

        UnreadableMessage(String reason) {
            super(reason);
        }
    }
}
