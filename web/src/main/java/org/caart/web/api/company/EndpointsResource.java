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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.caart.endpoint.boundary.EnrollmentOffer;
import org.caart.endpoint.boundary.Enrollments;
import org.caart.endpoint.boundary.Endpoints;
import org.caart.endpoint.entity.Endpoint;

/** A company's endpoints and enrollment tokens (auditors, owners and admins create and revoke). */
@Path("companies/{company}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EndpointsResource {

    @Inject
    Endpoints endpoints;

    @Inject
    Enrollments enrollments;

    @Context
    HttpServletRequest request;

    @PathParam("company")
    long companyId;

    @POST
    @Path("enrollment-tokens")
    public Response offer() {
        EnrollmentOffer offer = enrollments.offer(companyId, request.getRemoteAddr());
        return Response.status(Response.Status.CREATED)
                .entity(new TokenView(offer.token(), offer.expiresAt().toString())).build();
    }

    @GET
    @Path("endpoints")
    public List<EndpointView> list() {
        return endpoints.list(companyId).stream().map(EndpointView::of).toList();
    }

    @GET
    @Path("endpoints/{endpoint}")
    public EndpointView get(@PathParam("endpoint") long endpointId) {
        return EndpointView.of(endpoints.get(companyId, endpointId));
    }

    @DELETE
    @Path("endpoints/{endpoint}")
    public EndpointView revoke(@PathParam("endpoint") long endpointId) {
        return EndpointView.of(endpoints.revoke(companyId, endpointId, request.getRemoteAddr()));
    }

    public record TokenView(String token, String expiresAt) {
    }

    public record EndpointView(long id, String hostname, String os, String osFamily, String agentVersion,
            String status, String lastSeenAt, String lastPatchDate, String patchSource, List<String> tags) {

        static EndpointView of(Endpoint e) {
            return new EndpointView(e.getId(), e.getHostname(), e.getOs(), e.getOsFamily().name(),
                    e.getAgentVersion(), e.getStatus().name(), e.getLastSeenAt().toString(),
                    e.getLastPatchDate() == null ? null : e.getLastPatchDate().toString(), e.getPatchSource(),
                    e.tags());
        }
    }
}
