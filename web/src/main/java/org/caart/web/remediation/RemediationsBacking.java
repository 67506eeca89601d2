package org.caart.web.remediation;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.caart.remediation.boundary.RemediationSettings;
import org.caart.remediation.boundary.RemediationSummary;
import org.caart.remediation.boundary.Remediations;
import org.caart.web.CompanyTime;
import org.caart.web.FormMessages;
import org.caart.web.company.CurrentCompany;
import org.caart.web.security.CurrentUser;

/** The company's remediations, newest first, and (for owners) whether a second member approves each one. */
@Named
@ViewScoped
public class RemediationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Remediations remediations;

    @Inject
    CompanyTime time;

    @Inject
    RemediationSettings settings;

    @Inject
    CurrentCompany current;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private long companyId;
    private List<Row> rows = List.of();
    private boolean approvalRequired;

    public void load() {
        companyId = current.id();
        rows = remediations.latest(companyId, 200).stream().map(s -> Row.of(s, time)).toList();
        approvalRequired = settings.approvalRequired(companyId);
    }

    public void saveApproval() {
        approvalRequired = settings.requireApproval(companyId, approvalRequired, user.sourceAddress());
        FormMessages.info(faces, approvalRequired ? "A second member now approves each remediation"
                : "Requesters may now apply their own remediations");
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public void setApprovalRequired(boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
    }

    public record Row(long id, String status, String requestedBy, String approvedBy, String createdAt,
            long endpoints, int items, String states) implements Serializable {

        static Row of(RemediationSummary s, CompanyTime time) {
            return new Row(s.id(), s.status().name(), s.requestedBy(), s.approvedBy() == null ? "" : s.approvedBy(),
                    time.of(s.createdAt()), s.endpoints(), s.items(), s.stateText());
        }
    }
}
