package org.caart.web.api.agent.v1;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.caart.contract.agent.v1.EnrollRequest;
import org.caart.endpoint.boundary.Enrollments;

/** An agent exchanges its one-time enrollment token for its identity (201), or learns why not. */
@Path("agent/v1/enroll")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EnrollResource {

    @Inject
    Enrollments enrollments;

    @Context
    HttpServletRequest request;

    @POST
    public Response enroll(EnrollRequest body) {
        return Response.status(Response.Status.CREATED).entity(enrollments.enroll(body, request.getRemoteAddr()))
                .build();
    }
}
