package org.caart.web.api.company;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.caart.remediation.boundary.RemediationSettings;

/** Whether a second member approves each remediation (on by default; owners switch it). */
@Path("companies/{company}/remediation-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RemediationSettingsResource {

    @Inject
    RemediationSettings settings;

    @Context
    HttpServletRequest request;

    @PathParam("company")
    long companyId;

    @GET
    public SettingsView get() {
        return new SettingsView(settings.approvalRequired(companyId));
    }

    @PUT
    public SettingsView put(SettingsView body) {
        return new SettingsView(settings.requireApproval(companyId, body == null ? null : body.approvalRequired(),
                request.getRemoteAddr()));
    }

    public record SettingsView(Boolean approvalRequired) {
    }
}
