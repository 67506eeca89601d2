package org.caart.web.api.system;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.caart.export.boundary.CompanyArchives;
import org.caart.export.boundary.ImportSummary;
import org.caart.export.entity.CompanyDeletion;
import org.caart.platform.InvalidInputException;

/**
 * The operator's side of company archives: import one as a new company (the body is the zip, kept in a temporary
 * file only while it is checked and imported), and the record of deleted companies.
 */
@Path("system/companies")
@Produces(MediaType.APPLICATION_JSON)
public class CompanyImportsResource {

    @Inject
    CompanyArchives archives;

    @Context
    HttpServletRequest request;

    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    public Response importArchive(@QueryParam("owner") String owner, @QueryParam("name") String name,
            InputStream body) throws IOException {
        java.nio.file.Path file = Files.createTempFile("caart-import-", ".zip");
        try {
            long size = Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            if (size == 0) {
                throw new InvalidInputException("archive", "Send the company archive (the zip a company's owner "
                        + "exported) as the request body");
            }
            ImportSummary summary = archives.importArchive(file, owner, name, request.getRemoteAddr());
            return Response.status(201).entity(summary).build();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @GET
    @Path("deletions")
    public List<DeletionView> deletions() {
        return archives.deletions().stream().map(DeletionView::of).toList();
    }

    public record DeletionView(long companyId, String companyName, String deletedBy, String deletedAt,
            String sourceAddress, String detail) {

        static DeletionView of(CompanyDeletion d) {
            return new DeletionView(d.getCompanyId(), d.getCompanyName(), d.getDeletedBy(),
                    d.getDeletedAt().toString(), d.getSourceAddress(), d.getDetail());
        }
    }
}
