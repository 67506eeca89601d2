package org.caart.web.api.company;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.caart.endpoint.boundary.EnrollmentOffer;
import org.caart.endpoint.boundary.Enrollments;

/** One-time agent enrollment tokens (auditors, owners and admins); the token is shown once. */
@Path("companies/{company}/enrollment-tokens")
@Produces(MediaType.APPLICATION_JSON)
public class EnrollmentTokensResource {

    @Inject
    Enrollments enrollments;

    @Context
    HttpServletRequest request;

    @PathParam("company")
    long companyId;

    @POST
    public Response offer() {
        EnrollmentOffer offer = enrollments.offer(companyId, request.getRemoteAddr());
        return Response.status(Response.Status.CREATED)
                .entity(new TokenView(offer.token(), offer.expiresAt().toString())).build();
    }

    public record TokenView(String token, String expiresAt) {
    }
}
