package org.caart.web.api.patch;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.caart.patch.boundary.ApiKeys;
import org.caart.patch.boundary.Devices;
import org.caart.patch.entity.ApiKey;
import org.caart.web.api.JsonBodies;
import org.caart.web.api.patch.PatchViews.DeviceView;

/**
 * The API for scripts holding a company's API key ({@code Authorization: Bearer caart_…}): it sets a device's last
 * patch date and nothing else. Never a session, never HTTP Basic.
 */
@Path("integration/v1/devices/{device}/patch-date")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PatchDatesResource {

    @Inject
    ApiKeys keys;

    @Inject
    Devices devices;

    @Context
    HttpServletRequest request;

    /** Body {@code {"lastPatchDate":"2026-11-02"}}; the device is named as on the patch board. */
    @PUT
    public DeviceView set(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("device") String device, InputStream stream) {
        ApiKey key = keys.authenticate(authorization); // before the body is read
        JsonObject body = JsonBodies.read(stream, JsonObject.class);
        jakarta.json.JsonValue given = body == null ? null : body.get("lastPatchDate");
        if (given != null && given.getValueType() != jakarta.json.JsonValue.ValueType.STRING
                && given.getValueType() != jakarta.json.JsonValue.ValueType.NULL) {
            throw new org.caart.platform.InvalidInputException("lastPatchDate",
                    "The last patch date is a string with an ISO date such as \"2026-11-02\"");
        }
        String date = given instanceof jakarta.json.JsonString text ? text.getString() : null;
        return DeviceView.of(devices.setPatchDate(key.getCompanyId(), key.getName(), device, date,
                request.getRemoteAddr()));
    }
}
