package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import org.caart.audit.control.BatchCheck;
import org.caart.contract.agent.v1.BatchReceipt;
import org.caart.contract.agent.v1.ResultBatchView;
import org.caart.endpoint.boundary.AgentIdentity;
import org.caart.ingest.boundary.IngestConsumer;
import org.caart.ingest.boundary.IngestQueue;

/**
 * Takes an agent's result batch: checks it, makes sure the run is the agent's own, and puts it in the persistent
 * ingest queue. On return the broker has stored it (the agent may then forget it); {@link AuditIngest} applies it.
 */
@Stateless
public class AgentReports {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    AuditOrders orders;

    @Inject
    IngestQueue queue;

    public BatchReceipt submit(AgentIdentity agent, ResultBatchView batch) {
        BatchCheck.check(batch);
        boolean stop = orders.stopRequested(agent, batch.runId());
        queue.send(IngestConsumer.RESULT_BATCH, JSON.toJson(batch),
                Map.of(IngestConsumer.ENDPOINT_ID, String.valueOf(agent.endpointId())));
        return new BatchReceipt(batch.batchId(), stop);
    }
}
