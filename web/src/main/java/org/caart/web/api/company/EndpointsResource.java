package org.caart.web.api.company;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.caart.endpoint.boundary.Endpoints;
import org.caart.endpoint.entity.Endpoint;

/** A company's enrolled endpoints; auditors, owners and admins revoke them. */
@Path("companies/{company}/endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EndpointsResource {

    @Inject
    Endpoints endpoints;

    @Context
    HttpServletRequest request;

    @PathParam("company")
    long companyId;

    @GET
    public List<EndpointView> list() {
        return endpoints.list(companyId).stream().map(EndpointView::of).toList();
    }

    @GET
    @Path("{endpoint}")
    public EndpointView get(@PathParam("endpoint") long endpointId) {
        return EndpointView.of(endpoints.get(companyId, endpointId));
    }

    @DELETE
    @Path("{endpoint}")
    public EndpointView revoke(@PathParam("endpoint") long endpointId) {
        return EndpointView.of(endpoints.revoke(companyId, endpointId, request.getRemoteAddr()));
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
