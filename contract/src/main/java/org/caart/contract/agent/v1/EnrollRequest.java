package org.caart.contract.agent.v1;

/** POST /api/agent/v1/enroll: exchanges a one-time enrollment token for an agent identity. */
public record EnrollRequest(String token, HostView host) {
}
