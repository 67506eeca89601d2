package org.caart.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.caart.audit.control.BatchJson;
import org.caart.contract.agent.v1.ResultBatchView;
import org.caart.ingest.boundary.IngestHandler;
import org.caart.ingest.boundary.IngestQueue;
import org.caart.ingest.boundary.UnreadableMessage;
import org.caart.platform.InvalidInputException;

/**
 * Applies the result batches {@link AgentReports} queued: a batch of an agent's results with the sender's endpoint
 * id, the request body as it came (a bytes message, checked before it was sent), or, as earlier builds queued it,
 * the batch as JSON text.
 */
@ApplicationScoped
public class ResultBatches implements IngestHandler {

    static final String TYPE = "result-batch";
    static final String ENDPOINT_ID = "caartEndpointId";

    @Inject
    AuditIngest audits;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void apply(Message message) throws JMSException {
        audits.apply(endpointId(message), batch(IngestQueue.body(message)));
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
}
