package org.caart.web.api.company;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.caart.company.boundary.Companies;
import org.caart.company.boundary.CompanyRequest;
import org.caart.company.boundary.Members;
import org.caart.company.entity.Company;
import org.caart.policy.boundary.Policies;
import org.caart.trail.boundary.Trail;

/**
 * The companies of the caller (HTTP Basic, any portal account), for scripts and integrations. The boundaries
 * apply the same permission matrix as the portal: another company's id is 404, a missing permission 403.
 */
@Path("companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompaniesResource {

    @Inject
    Companies companies;

    @Inject
    Policies policies;

    @Inject
    Members members;

    @Inject
    Trail trail;

    @Context
    HttpServletRequest request;

    @GET
    public List<CompanyViews.MembershipView> mine() {
        return members.mine().stream().map(CompanyViews.MembershipView::of).toList();
    }

    @POST
    public Response create(CompanyRequest body, @Context UriInfo uri) {
        Company company = companies.create(body == null ? new CompanyRequest(null, null, null, null) : body,
                request.getRemoteAddr());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(company.getId())).build())
                .entity(CompanyViews.CompanyView.of(company)).build();
    }

    @GET
    @Path("{company}")
    public CompanyViews.CompanyView get(@PathParam("company") long companyId) {
        return CompanyViews.CompanyView.of(companies.get(companyId));
    }

    @PUT
    @Path("{company}")
    public CompanyViews.CompanyView update(@PathParam("company") long companyId, CompanyRequest body) {
        return CompanyViews.CompanyView.of(companies.update(companyId,
                body == null ? new CompanyRequest(null, null, null, null) : body, request.getRemoteAddr()));
    }

    @PUT
    @Path("{company}/default-policies")
    public CompanyViews.CompanyView defaultPolicies(@PathParam("company") long companyId, DefaultPolicies body) {
        DefaultPolicies chosen = body == null ? new DefaultPolicies(null, null) : body;
        return CompanyViews.CompanyView.of(policies.chooseDefaults(companyId, chosen.windows(), chosen.linux(),
                request.getRemoteAddr()));
    }

    public record DefaultPolicies(String windows, String linux) {
    }

    @GET
    @Path("{company}/trail")
    public List<CompanyViews.TrailEventView> trail(@PathParam("company") long companyId, @QueryParam("q") String text) {
        return trail.forCompany(companyId, text, 500).stream().map(CompanyViews.TrailEventView::of).toList();
    }
}
