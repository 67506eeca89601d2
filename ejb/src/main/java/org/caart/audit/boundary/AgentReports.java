package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Supplier;
import org.caart.audit.control.BatchCheck;
import org.caart.audit.control.BatchJson;
import org.caart.contract.agent.v1.BatchReceipt;
import org.caart.contract.agent.v1.ResultBatchView;
import org.caart.endpoint.boundary.AgentGate;
import org.caart.endpoint.boundary.AgentIdentity;
import org.caart.ingest.boundary.IngestQueue;

/**
 * Takes an agent's result batch: checks it, makes sure the run is the agent's own, and puts it in the persistent
 * ingest queue. On return the broker has stored it (the agent may then forget it); {@link ResultBatches} applies it.
 */
@Stateless
public class AgentReports {

    @Inject
    AgentGate gate;

    @Inject
    AuditOrders orders;

    @Inject
    IngestQueue queue;

    /**
     * Authenticates the agent ({@link AgentGate}), then takes its batch: one call and one transaction per request.
     *
     * @param body reads the request body once the agent is known (an unknown caller's body is never read); the
     *             bytes are checked here, then queued as they are (no second serialization), so the consumer reads
     *             exactly what was checked
     * @throws org.caart.platform.InvalidInputException naming the field, and nothing is queued
     */
    public BatchReceipt submit(String authorization, Supplier<byte[]> body) {
        AgentIdentity agent = gate.authenticate(authorization);
        byte[] json = body.get();
        ResultBatchView batch = BatchJson.read(json);
        BatchCheck.check(batch);
        boolean stop = orders.stopRequested(agent, batch.runId());
        queue.sendBytes(ResultBatches.TYPE, json,
                Map.of(ResultBatches.ENDPOINT_ID, String.valueOf(agent.endpointId())));
        return new BatchReceipt(batch.batchId(), stop);
    }
}
