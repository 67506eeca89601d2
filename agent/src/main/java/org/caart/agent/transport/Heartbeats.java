package org.caart.agent.transport;

import org.caart.contract.agent.v1.HeartbeatRequest;
import org.caart.contract.agent.v1.HeartbeatResponse;

/**
 * The agent is alive: its host view (with the last patch date) and the spool's state. Once the server acknowledged
 * a heartbeat, the dropped batches it reported are forgotten.
 */
public final class Heartbeats {

    private final ServerClient client;
    private final Spool spool;
    private final HostViews host;

    public Heartbeats(ServerClient client, Spool spool, HostViews host) {
        this.client = client;
        this.spool = spool;
        this.host = host;
    }

    public HeartbeatResponse beat() throws ServerException, InterruptedException {
        long dropped = spool.dropped();
        HeartbeatResponse response = client.heartbeat(new HeartbeatRequest(host.current(), dropped, spool.size()));
        spool.resetDropped(dropped);
        return response;
    }
}
