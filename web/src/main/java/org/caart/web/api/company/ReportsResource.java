package org.caart.web.api.company;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Optional;
import org.caart.report.boundary.Download;
import org.caart.report.boundary.ReportFormat;
import org.caart.report.boundary.Reports;
import org.caart.platform.InvalidInputException;

/**
 * Reports and exports of a company (docs/reports.md): {@code ?format=html|pdf|csv|xccdf|ocsf} of an audit, of an
 * endpoint's or the company's latest completed results; the patch board as CSV. Streamed as they are read.
 */
@Path("companies/{company}/reports")
public class ReportsResource {

    @Inject
    Reports reports;

    @PathParam("company")
    long companyId;

    @GET
    @Path("audits/{audit}")
    public Response audit(@PathParam("audit") long auditId, @QueryParam("format") String format) {
        // the subject first (another company's id is 404 whatever the format), then the format (400)
        Optional<ReportFormat> chosen = ReportFormat.named(format);
        Download download = reports.audit(companyId, auditId, chosen.orElse(ReportFormat.CSV));
        return send(chosen.isPresent() ? download : refuse());
    }

    @GET
    @Path("endpoints/{endpoint}")
    public Response endpoint(@PathParam("endpoint") long endpointId, @QueryParam("format") String format) {
        Optional<ReportFormat> chosen = ReportFormat.named(format);
        Download download = reports.endpoint(companyId, endpointId, chosen.orElse(ReportFormat.CSV));
        return send(chosen.isPresent() ? download : refuse());
    }

    @GET
    @Path("company")
    public Response company(@QueryParam("format") String format) {
        Optional<ReportFormat> chosen = ReportFormat.named(format);
        Download download = reports.company(companyId, chosen.orElse(ReportFormat.CSV));
        return send(chosen.isPresent() ? download : refuse());
    }

    @GET
    @Path("patch-board")
    public Response patchBoard() {
        return send(reports.patchBoard(companyId));
    }

    private static Download refuse() {
        throw new InvalidInputException("format", "Choose a format: html, pdf, csv, xccdf or ocsf");
    }

    static Response send(Download download) {
        StreamingOutput body = out -> download.body().writeTo(out);
        return Response.ok(body, download.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
