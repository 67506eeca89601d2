package org.caart.endpoint.boundary;

import org.caart.endpoint.entity.Endpoint;

/**
 * Fired in a heartbeat's transaction after the endpoint took what its agent reported (last patch date, OS build).
 */
public record AgentReported(Endpoint endpoint) {
}
