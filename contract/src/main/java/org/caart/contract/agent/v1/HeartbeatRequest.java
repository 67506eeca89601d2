package org.caart.contract.agent.v1;

/**
 * POST /api/agent/v1/heartbeat: the agent is alive. {@code droppedBatches} counts batches the bounded spool had to
 * drop since the last heartbeat the server acknowledged; {@code spooledBatches} is what waits to be resent.
 */
public record HeartbeatRequest(HostView host, long droppedBatches, int spooledBatches) {
}
