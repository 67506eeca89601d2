package org.caart.web.company;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import org.caart.audit.boundary.AuditRetention;
import org.caart.audit.entity.RemovedAudits;
import org.caart.company.entity.Company;
import org.caart.export.boundary.CompanyArchives;
import org.caart.platform.InvalidInputException;
import org.caart.web.FormMessages;
import org.caart.web.api.company.ArchiveNames;
import org.caart.web.security.CurrentUser;

/**
 * The owners' part of the company page: download the archive, how long audits are kept, delete older audits,
 * delete the company. Each button is one boundary call; deletions take the company's name as confirmation.
 */
@Named
@ViewScoped
public class CompanyDataBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CompanyArchives archives;

    @Inject
    AuditRetention retention;

    @Inject
    CurrentCompany current;

    @Inject
    CompanyChoices choices;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private long companyId;
    private boolean owner;
    private Integer keepDays;
    private LocalDate before;
    private String auditsConfirmation;
    private String companyConfirmation;

    public void load() {
        companyId = current.id();
        owner = current.can("MANAGE_DATA");
        if (owner) {
            keepDays = retention.keepDays(companyId).orElse(null);
        }
    }

    /** Streams the archive as the response of this (non-ajax) post. */
    public void download() throws IOException {
        Company company = archives.requireOwner(companyId);
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/zip");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + ArchiveNames.of(company)
                + "\"");
        archives.export(companyId, external.getResponseOutputStream(), user.sourceAddress());
        faces.responseComplete();
    }

    public void saveRetention() {
        try {
            retention.keep(companyId, keepDays, user.sourceAddress());
            FormMessages.info(faces, keepDays == null ? "Audits are kept for ever"
                    : "Audits are kept " + keepDays + " days");
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "retention", e);
        }
    }

    public void deleteAudits() {
        try {
            RemovedAudits removed = retention.deleteBefore(companyId, before, auditsConfirmation,
                    user.sourceAddress());
            auditsConfirmation = null;
            FormMessages.info(faces, removed.audits() + " audits created before " + before + " deleted ("
                    + removed.results() + " results)");
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "deleteAudits", e);
        }
    }

    public void deleteCompany() throws IOException {
        try {
            archives.delete(companyId, companyConfirmation, user.sourceAddress());
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "deleteCompany", e);
            return;
        }
        choices.refresh();
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        FormMessages.info(faces, "The company was deleted");
        external.redirect(external.getRequestContextPath() + "/app/companies.xhtml");
    }

    public boolean isOwner() {
        return owner;
    }

    public Integer getKeepDays() {
        return keepDays;
    }

    public void setKeepDays(Integer keepDays) {
        this.keepDays = keepDays;
    }

    public LocalDate getBefore() {
        return before;
    }

    public void setBefore(LocalDate before) {
        this.before = before;
    }

    public String getAuditsConfirmation() {
        return auditsConfirmation;
    }

    public void setAuditsConfirmation(String auditsConfirmation) {
        this.auditsConfirmation = auditsConfirmation;
    }

    public String getCompanyConfirmation() {
        return companyConfirmation;
    }

    public void setCompanyConfirmation(String companyConfirmation) {
        this.companyConfirmation = companyConfirmation;
    }
}
