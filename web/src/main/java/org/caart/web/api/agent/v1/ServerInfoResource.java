package org.caart.web.api.agent.v1;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.caart.contract.agent.v1.ServerInfoView;
import org.caart.web.Version;

/** The agent API's entry point: which API version and server this is. Public; carries nothing secret. */
@Path("agent/v1/server-info")
@Produces(MediaType.APPLICATION_JSON)
public class ServerInfoResource {

    @Inject
    Clock clock;

    @GET
    public ServerInfoView info() {
        return new ServerInfoView("v1", Version.current(), OffsetDateTime.now(clock).toString());
    }
}
