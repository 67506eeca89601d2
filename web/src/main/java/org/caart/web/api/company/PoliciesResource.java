package org.caart.web.api.company;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caart.platform.InvalidInputException;
import org.caart.policy.boundary.Policies;
import org.caart.policy.boundary.PolicySummary;
import org.caart.policy.entity.PolicyFinding;
import org.caart.policy.entity.UploadedPolicy;
import org.caart.web.api.Problem;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** A company's uploaded policies (CAaRT or Wazuh SCA): upload with validation, list, read with findings, delete. */
@Path("companies/{company}/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PoliciesResource {

    @Inject
    Policies policies;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @PathParam("company")
    long companyId;

    @GET
    public List<PolicySummaryView> list() {
        return policies.list(companyId).stream().map(PolicySummaryView::of).toList();
    }

    /**
     * The policy file is the body, UTF-8, whatever its content type; {@code name} overrides the policy's own name.
     * A file the agent could not read is refused (400) with the parser's reason.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(@QueryParam("name") String name, @RequestBody(content = @Content(
            mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary",
            description = "the policy file as it is (Wazuh SCA or CAaRT YAML)"))) InputStream stream)
            throws IOException {
        policies.requireUploader(companyId); // 404 or 403 before a byte of the file is read
        byte[] body = stream.readNBytes(UploadedPolicy.CONTENT_MAX_BYTES + 1);
        if (body.length > UploadedPolicy.CONTENT_MAX_BYTES) {
            return Problem.of(413, "Content Too Large", "A policy file has at most "
                    + (UploadedPolicy.CONTENT_MAX_BYTES >> 20) + " MiB", java.util.Map.of(), null);
        }
        if (body.length == 0) {
            throw new InvalidInputException("file", "Send the policy file (at most "
                    + (UploadedPolicy.CONTENT_MAX_BYTES >> 20) + " MiB) as the request body");
        }
        UploadedPolicy policy = policies.upload(companyId, name, name, new String(body, StandardCharsets.UTF_8),
                request.getRemoteAddr());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(policy.getId())).build())
                .entity(PolicyView.of(policy)).build();
    }

    @GET
    @Path("{policy}")
    public PolicyView get(@PathParam("policy") long policyId) {
        return PolicyView.of(policies.get(companyId, policyId));
    }

    @DELETE
    @Path("{policy}")
    public Response delete(@PathParam("policy") long policyId) {
        policies.delete(companyId, policyId, request.getRemoteAddr());
        return Response.noContent().build();
    }

    /** {@code choice} is what an audit request's {@code policy} names to use this policy. */
    public record PolicySummaryView(long id, String choice, String name, String format, int checks, int commandChecks,
            int unsupported, String uploadedBy, String uploadedAt) {

        static PolicySummaryView of(PolicySummary p) {
            return new PolicySummaryView(p.id(), p.choice(), p.name(), p.format().name(), p.checkCount(),
                    p.commandChecks(), p.findingsCount(), p.uploadedBy(), p.uploadedAt().toString());
        }
    }

    /** One uploaded policy with its findings; {@code commandNote} says where its command checks run. */
    public record PolicyView(long id, String choice, String name, String format, int checks, int commandChecks,
            String commandNote, int unsupported, List<FindingView> findings, String uploadedBy, String uploadedAt) {

        static PolicyView of(UploadedPolicy p) {
            return new PolicyView(p.getId(), p.choice(), p.getName(), p.getFormat().name(), p.getCheckCount(),
                    p.getCommandChecks(), p.commandNote(),
                    p.getFindingsCount(), p.findings().stream().map(FindingView::of).toList(), p.getUploadedBy(),
                    p.getUploadedAt().toString());
        }
    }

    /** A construct the agent will report as unsupported instead of evaluating. */
    public record FindingView(String checkId, String construct, String reason) {

        static FindingView of(PolicyFinding f) {
            return new FindingView(f.checkId(), f.construct(), f.reason());
        }
    }
}
