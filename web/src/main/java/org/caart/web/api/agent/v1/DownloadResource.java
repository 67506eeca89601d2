package org.caart.web.api.agent.v1;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import org.caart.web.endpoint.AgentDownload;

/** The agent itself, served by the server so that hosts need nothing else; its SHA-256 is on the portal page. */
@Path("agent/v1/download/caart-agent.jar")
public class DownloadResource {

    @Inject
    AgentDownload download;

    @GET
    @Produces("application/java-archive")
    public Response jar() {
        return download.file()
                .map(path -> Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> Files.copy(path, out))
                        .header("Content-Disposition", "attachment; filename=\"caart-agent.jar\"")
                        .header("X-Checksum-SHA256", download.sha256().orElse(""))
                        .build())
                .orElseGet(() -> Response.status(404).build());
    }
}
