package org.caart.endpoint.boundary;

/** An authenticated agent: its endpoint and company. */
public record AgentIdentity(long endpointId, long companyId, String agentId) {
}
