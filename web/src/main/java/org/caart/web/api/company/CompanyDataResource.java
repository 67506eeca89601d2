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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.caart.audit.boundary.AuditRetention;
import org.caart.audit.entity.RemovedAudits;
import org.caart.company.entity.Company;
import org.caart.export.boundary.CompanyArchives;
import org.caart.platform.InvalidInputException;

/**
 * A company's data, for its owners: the archive (streamed as it is written), how long audits are kept, deleting
 * older audits and deleting the company. Deletions take the company's name as their confirmation.
 */
@Path("companies/{company}/data")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompanyDataResource {

    @Inject
    CompanyArchives archives;

    @Inject
    AuditRetention retention;

    @Context
    HttpServletRequest request;

    @PathParam("company")
    long companyId;

    /** The archive as {@code application/zip}; 404 or 403 (problem+json) before the first byte. */
    @POST
    @Path("export")
    @Consumes(MediaType.WILDCARD)
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response export() {
        Company company = archives.requireOwner(companyId);
        String address = request.getRemoteAddr();
        StreamingOutput body = out -> archives.export(companyId, out, address);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + ArchiveNames.of(company) + "\"")
                .build();
    }

    @GET
    @Path("retention")
    public RetentionView retention() {
        return new RetentionView(retention.keepDays(companyId).orElse(null));
    }

    @PUT
    @Path("retention")
    public RetentionView keep(RetentionView body) {
        retention.keep(companyId, body == null ? null : body.keepDays(), request.getRemoteAddr());
        return retention();
    }

    @POST
    @Path("delete-audits")
    public RemovedAudits deleteAudits(DeleteAudits body) {
        if (body == null) {
            throw new InvalidInputException("before", "Send {\"before\": \"YYYY-MM-DD\", \"confirmation\": "
                    + "\"<company name>\"}");
        }
        return retention.deleteBefore(companyId, date(body.before()), body.confirmation(), request.getRemoteAddr());
    }

    @POST
    @Path("delete")
    public Response deleteCompany(Confirmation body) {
        archives.delete(companyId, body == null ? null : body.confirmation(), request.getRemoteAddr());
        return Response.noContent().build();
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("before", "Give the date as YYYY-MM-DD");
        }
    }

    public record RetentionView(Integer keepDays) {
    }

    public record DeleteAudits(String before, String confirmation) {
    }

    public record Confirmation(String confirmation) {
    }
}
