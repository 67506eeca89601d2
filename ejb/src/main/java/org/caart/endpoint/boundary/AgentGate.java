package org.caart.endpoint.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.caart.contract.agent.v1.HeartbeatRequest;
import org.caart.contract.agent.v1.HeartbeatResponse;
import org.caart.endpoint.control.HostCheck;
import org.caart.endpoint.entity.Endpoint;
import org.caart.platform.InvalidInputException;
import org.caart.platform.Tokens;
import org.caart.platform.UnauthorizedException;

/**
 * The agent side of endpoints: who is calling (agent id and secret from the {@code Authorization} header) and
 * its heartbeats. An unknown or revoked agent is told to enroll again.
 */
@Stateless
public class AgentGate {

    public static final String RE_ENROLL = "urn:caart:agent:re-enroll";

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<AgentReported> reported;

    @Inject
    Clock clock;

    /** The active endpoint the credentials belong to: {@code Bearer <agentId>.<secret>}. */
    public AgentIdentity authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused();
        }
        String credentials = authorization.substring(7).strip();
        int dot = credentials.indexOf('.');
        if (dot != 36) {
            throw refused();
        }
        Endpoint endpoint = em.createQuery("SELECT e FROM Endpoint e WHERE e.agentId = :agent", Endpoint.class)
                .setParameter("agent", credentials.substring(0, dot))
                .getResultStream().findFirst().orElseThrow(AgentGate::refused);
        String secret = credentials.substring(dot + 1);
        boolean matches = Tokens.wellFormed(secret) && MessageDigest.isEqual(
                Tokens.hash(secret).getBytes(StandardCharsets.US_ASCII),
                endpoint.getSecretHash().getBytes(StandardCharsets.US_ASCII));
        if (!matches || !endpoint.isActive()) {
            throw refused();
        }
        return new AgentIdentity(endpoint.getId(), endpoint.getCompany().getId(), endpoint.getAgentId());
    }

    /** An agent's heartbeat, its credentials checked first: one call and one transaction per request. */
    public HeartbeatResponse heartbeat(String authorization, HeartbeatRequest request) {
        AgentIdentity agent = authenticate(authorization);
        if (request == null) {
            throw new InvalidInputException("host", "Describe the host");
        }
        HostCheck.check(request.host(), LocalDate.now(clock));
        Endpoint endpoint = em.find(Endpoint.class, agent.endpointId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        endpoint.describe(request.host(), now);
        endpoint.seen(now, request.droppedBatches(), request.spooledBatches());
        reported.fire(new AgentReported(endpoint));
        return new HeartbeatResponse(now.toString(), endpoint.getCompany().getName());
    }

    private static UnauthorizedException refused() {
        return new UnauthorizedException(RE_ENROLL,
                "This agent is unknown to the server or was revoked; enroll it again with caart-agent enroll");
    }
}
