package org.caart.web.api.agent.v1;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.caart.contract.agent.v1.HeartbeatRequest;
import org.caart.contract.agent.v1.HeartbeatResponse;
import org.caart.endpoint.boundary.AgentGate;
import org.caart.web.api.JsonBodies;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The agent is alive; what it says about its host (patch date included) is stored. */
@Path("agent/v1/heartbeat")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class HeartbeatResource {

    @Inject
    AgentGate gate;

    @POST
    public HeartbeatResponse beat(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HeartbeatRequest.class))) InputStream body) {
        return gate.heartbeat(authorization, () -> JsonBodies.read(body, HeartbeatRequest.class));
    }
}
