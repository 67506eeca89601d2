package org.caart.web.report;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.caart.platform.ForbiddenException;
import org.caart.platform.NotFoundException;
import org.caart.report.boundary.Download;
import org.caart.report.boundary.ReportFormat;
import org.caart.report.boundary.Reports;

/**
 * The portal's report downloads (the buttons on the audit, endpoints, dashboard and patch pages), for the signed-in
 * member: {@code /app/download?company=&format=} with {@code audit=}, {@code endpoint=}, {@code board=patch} or
 * nothing more for the company's latest results. A GET that changes nothing; access is the boundary's (another
 * company's id is 404). The HTML report opens in the browser, to be printed; the other formats download.
 */
@WebServlet("/app/download")
public class ReportDownloads extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Reports reports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> company = number(request, "company");
        boolean board = "patch".equals(request.getParameter("board"));
        Optional<ReportFormat> format = board ? Optional.of(ReportFormat.CSV)
                : ReportFormat.named(request.getParameter("format"));
        if (company.isEmpty() || format.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "A company and a format (html, pdf, csv, xccdf, "
                    + "ocsf) are needed");
            return;
        }
        Download download;
        try {
            download = download(request, company.get(), format.get(), board);
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (ForbiddenException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Not a number");
            return;
        }
        response.setContentType(download.mediaType());
        response.setHeader("Content-Disposition", (format.get() == ReportFormat.HTML ? "inline" : "attachment")
                + "; filename=\"" + download.fileName() + "\"");
        response.setHeader("Cache-Control", "no-store");
        download.body().writeTo(response.getOutputStream());
    }

    private Download download(HttpServletRequest request, long company, ReportFormat format, boolean board) {
        if (board) {
            return reports.patchBoard(company);
        }
        if (request.getParameter("audit") != null) {
            return reports.audit(company, Long.parseLong(request.getParameter("audit")), format);
        }
        if (request.getParameter("endpoint") != null) {
            return reports.endpoint(company, Long.parseLong(request.getParameter("endpoint")), format);
        }
        return reports.company(company, format);
    }

    private static Optional<Long> number(HttpServletRequest request, String name) {
        try {
            return Optional.ofNullable(request.getParameter(name)).map(String::strip).map(Long::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
