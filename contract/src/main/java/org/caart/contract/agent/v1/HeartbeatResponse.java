package org.caart.contract.agent.v1;

/** The server's answer to a heartbeat. */
public record HeartbeatResponse(String serverTime, String companyName) {
}
