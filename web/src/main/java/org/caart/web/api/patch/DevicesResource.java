package org.caart.web.api.patch;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.caart.patch.boundary.DeviceRequest;
import org.caart.patch.boundary.Devices;
import org.caart.patch.entity.Device;
import org.caart.web.api.patch.PatchViews.DeviceView;
import org.caart.web.api.patch.PatchViews.ImportView;
import org.caart.web.api.patch.PatchViews.PatchRecordView;

/** A company's devices and their patch status (the patch board); owners and admins change them. */
@Path("companies/{company}/devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DevicesResource {

    @Inject
    Devices devices;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @PathParam("company")
    long companyId;

    @GET
    public List<DeviceView> list() {
        return devices.list(companyId).stream().map(DeviceView::of).toList();
    }

    @POST
    public Response create(DeviceRequest body) {
        Device device = devices.create(companyId, body, request.getRemoteAddr());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(device.getId())).build())
                .entity(DeviceView.of(device)).build();
    }

    /**
     * A CSV file (header {@code name,type,criticality,responsible,last_patch_date}), sent as text/csv or any other
     * type: the body is read as CSV. Bad lines come back with their reason.
     */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    public ImportView importCsv(String csv) {
        Devices.ImportReport report = devices.importCsv(companyId, csv, request.getRemoteAddr());
        return new ImportView(report.created(), report.updated(), report.unchanged(), report.problems());
    }

    @GET
    @Path("{device}")
    public DeviceView get(@PathParam("device") long deviceId) {
        return DeviceView.of(devices.get(companyId, deviceId));
    }

    @PUT
    @Path("{device}")
    public DeviceView update(@PathParam("device") long deviceId, DeviceRequest body) {
        return DeviceView.of(devices.update(companyId, deviceId, body, request.getRemoteAddr()));
    }

    @DELETE
    @Path("{device}")
    public Response delete(@PathParam("device") long deviceId) {
        devices.delete(companyId, deviceId, request.getRemoteAddr());
        return Response.noContent().build();
    }

    @GET
    @Path("{device}/history")
    public List<PatchRecordView> history(@PathParam("device") long deviceId) {
        return devices.history(companyId, deviceId).stream().map(PatchRecordView::of).toList();
    }
}
