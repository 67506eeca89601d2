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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.caart.company.boundary.Invitations;

/** A company's open invitations: list, send, resend (a new link) and revoke; owners and admins only. */
@Path("companies/{company}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    @Inject
    Invitations invitations;

    @Context
    HttpServletRequest request;

    @PathParam("company")
    long companyId;

    @GET
    public List<CompanyViews.InvitationView> open() {
        return invitations.open(companyId).stream().map(CompanyViews.InvitationView::of).toList();
    }

    @POST
    public Response invite(InvitationRequest body, @Context UriInfo uri) {
        InvitationRequest request = body == null ? new InvitationRequest(null, null) : body;
        Invitations.Invited invited = invitations.invite(companyId, request.email(),
                MembersResource.role(request.role()), this.request.getRemoteAddr());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(invited.invitation().getId()))
                .build()).entity(CompanyViews.InvitationView.of(invited)).build();
    }

    @POST
    @Path("{invitation}/resend")
    public CompanyViews.InvitationView resend(@PathParam("invitation") long invitationId) {
        return CompanyViews.InvitationView.of(invitations.resend(companyId, invitationId, request.getRemoteAddr()));
    }

    @DELETE
    @Path("{invitation}")
    public Response revoke(@PathParam("invitation") long invitationId) {
        invitations.revoke(companyId, invitationId, request.getRemoteAddr());
        return Response.noContent().build();
    }

    public record InvitationRequest(String email, String role) {
    }
}
