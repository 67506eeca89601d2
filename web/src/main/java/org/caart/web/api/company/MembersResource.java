package org.caart.web.api.company;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.caart.company.boundary.Members;
import org.caart.company.entity.Role;
import org.caart.platform.InvalidInputException;

/** A company's members: list (any member), change role and duties or remove (owners and admins). */
@Path("companies/{company}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembersResource {

    @Inject
    Members members;

    @Context
    HttpServletRequest request;

    @PathParam("company")
    long companyId;

    @GET
    public List<CompanyViews.MemberView> list() {
        return members.list(companyId).stream().map(CompanyViews.MemberView::of).toList();
    }

    @PUT
    @Path("{member}")
    public CompanyViews.MemberView update(@PathParam("member") long memberId, MemberRequest body) {
        if (body == null) {
            throw new InvalidInputException("role", "Send the member's role and duties");
        }
        return CompanyViews.MemberView.of(members.update(companyId, memberId, role(body.role()), body.ciso(),
                body.securityTech(), request.getRemoteAddr()));
    }

    @DELETE
    @Path("{member}")
    public Response remove(@PathParam("member") long memberId) {
        members.remove(companyId, memberId, request.getRemoteAddr());
        return Response.noContent().build();
    }

    static Role role(String name) {
        try {
            return Role.valueOf(name == null ? "" : name.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "A role is one of OWNER, ADMIN, AUDITOR, REMEDIATOR, VIEWER");
        }
    }

    public record MemberRequest(String role, boolean ciso, boolean securityTech) {
    }
}
