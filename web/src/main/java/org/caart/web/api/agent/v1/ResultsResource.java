package org.caart.web.api.agent.v1;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.caart.audit.boundary.AgentReports;
import org.caart.platform.InvalidInputException;
import org.caart.web.api.Problem;
import org.caart.contract.agent.v1.ResultBatchView;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Result batches: checked, queued persistently as they came (the bytes, not a re-serialization), answered 202 once
 * the broker holds them. Bodies over 4 MiB are refused with 413 before they are parsed; malformed ones with 400
 * naming the field. The agent's credentials are checked in the same boundary call ({@link AgentReports#submit})
 * before the body is read, so a request is one call and one transaction and an unknown caller's body is not read.
 */
@Path("agent/v1/results")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {

    static final int MAX_BODY = 4 * 1024 * 1024;

    @Inject
    AgentReports reports;

    @POST
    public Response submit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResultBatchView.class))) InputStream body) {
        if (length != null && length > MAX_BODY) {
            return tooLarge();
        }
        return Response.accepted(reports.submit(authorization, () -> read(body))).build();
    }

    private static Response tooLarge() {
        return Problem.of(413, "Content Too Large", "A result batch is at most 4 MiB; send fewer results per batch",
                java.util.Map.of(), null);
    }

    /**
     * The body, read only after the agent is authenticated. A chunked body over 4 MiB never gets here whole: the
     * request filter (RequestBodyLimit) stops it at the same cap and answers 413.
     */
    private static byte[] read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new InvalidInputException("body", "A result batch is at most 4 MiB; send fewer results per batch");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
