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
import java.util.Map;
import org.caart.remediation.boundary.RemediationOrders;
import org.caart.web.api.Problem;
import org.caart.contract.agent.v1.RemediationReportView;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Remediation reports ({@code RemediationReportView}): authenticated like result batches, at most 1 MiB, stored
 * before the answer (202 {@code RemediationReceipt}); a resend or an older report of the same order changes nothing.
 * Malformed ones get 400 naming the field; another endpoint's order 404.
 */
@Path("agent/v1/remediation-reports")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RemediationReportsResource {

    static final int MAX_BODY = 1024 * 1024;

    @Inject
    RemediationOrders orders;

    @POST
    public Response report(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RemediationReportView.class))) InputStream body) {
        if (length != null && length > MAX_BODY) {
            return tooLarge();
        }
        byte[] bytes = read(body);
        if (bytes.length > MAX_BODY) {
            return tooLarge();
        }
        return Response.accepted(orders.report(authorization, bytes)).build();
    }

    private static Response tooLarge() {
        return Problem.of(413, "Content Too Large", "A remediation report is at most 1 MiB", Map.of(), null);
    }

    private static byte[] read(InputStream body) {
        try {
            return body.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
