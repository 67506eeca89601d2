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
import java.util.LinkedHashMap;
import java.util.Map;
import org.caart.contract.agent.v1.Severity;
import org.caart.waiver.boundary.WaiverLimits;

/** The longest period of an exception per check severity, in days (PUT: MANAGE_COMPANY; the others stay). */
@Path("companies/{company}/exception-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExceptionSettingsResource {

    @Inject
    WaiverLimits limits;

    @Context
    HttpServletRequest request;

    @PathParam("company")
    long companyId;

    @GET
    public SettingsView get() {
        return SettingsView.of(limits.limits(companyId));
    }

    @PUT
    public SettingsView put(SettingsView body) {
        return SettingsView.of(limits.change(companyId, body == null ? null : body.maxDays(),
                request.getRemoteAddr()));
    }

    /** {@code maxDays}: severity name (CRITICAL, HIGH, MEDIUM, LOW, INFO) to days. */
    public record SettingsView(Map<String, Integer> maxDays) {

        static SettingsView of(Map<Severity, Integer> days) {
            Map<String, Integer> named = new LinkedHashMap<>();
            days.forEach((s, d) -> named.put(s.name(), d));
            return new SettingsView(named);
        }
    }
}
