package org.caart.web.api.patch;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import org.caart.mail.boundary.Outbox;
import org.caart.patch.boundary.ApiKeys;
import org.caart.patch.boundary.PatchChecks;
import org.caart.patch.boundary.PatchPolicies;
import org.caart.web.api.patch.PatchViews.ApiKeyView;
import org.caart.web.api.patch.PatchViews.CheckView;
import org.caart.web.api.patch.PatchViews.OutboxView;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The company's patch policy, its patch checks (past and "run now"), its API keys and its outbox. */
@Path("companies/{company}/patch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PatchResource {

    @Inject
    PatchPolicies policies;

    @Inject
    PatchChecks checks;

    @Inject
    ApiKeys keys;

    @Inject
    Outbox outbox;

    @Context
    HttpServletRequest request;

    @PathParam("company")
    long companyId;

    @GET
    @Path("policy")
    public PatchPolicies.Settings policy() {
        return policies.get(companyId);
    }

    @PUT
    @Path("policy")
    public PatchPolicies.Settings updatePolicy(PatchPolicies.Settings body) {
        return policies.update(companyId, body, request.getRemoteAddr());
    }

    @GET
    @Path("checks")
    public List<CheckView> checks(@QueryParam("max") @DefaultValue("50") int max) {
        return checks.runs(companyId, max).stream().map(CheckView::of).toList();
    }

    /** Runs the check now: refreshes the board and mails only devices that became overdue since. */
    @POST
    @Path("checks")
    public CheckView runNow() {
        return CheckView.of(checks.runNow(companyId, request.getRemoteAddr()));
    }

    @GET
    @Path("api-keys")
    public List<ApiKeyView> keys() {
        return keys.list(companyId).stream().map(k -> ApiKeyView.of(k, null)).toList();
    }

    /** Creates a key; the answer is the only place its secret ever appears. */
    @POST
    @Path("api-keys")
    public Response createKey(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatchViews.ApiKeyRequest.class))) JsonObject body) {
        ApiKeys.Created created = keys.create(companyId, body == null ? null : body.getString("name", null),
                request.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(ApiKeyView.of(created.key(), created.secret()))
                .build();
    }

    @DELETE
    @Path("api-keys/{key}")
    public ApiKeyView revokeKey(@PathParam("key") long keyId) {
        return ApiKeyView.of(keys.revoke(companyId, keyId, request.getRemoteAddr()), null);
    }

    @GET
    @Path("outbox")
    public List<OutboxView> outbox(@QueryParam("max") @DefaultValue("100") int max) {
        return outbox.forCompany(companyId, max).stream().map(OutboxView::of).toList();
    }
}
