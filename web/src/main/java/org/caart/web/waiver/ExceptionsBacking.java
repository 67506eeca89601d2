package org.caart.web.waiver;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.caart.endpoint.boundary.Endpoints;
import org.caart.endpoint.entity.Endpoint;
import org.caart.platform.InvalidInputException;
import org.caart.waiver.boundary.ReopenRequest;
import org.caart.waiver.boundary.WaiverDetail;
import org.caart.waiver.boundary.WaiverLimits;
import org.caart.waiver.boundary.WaiverRequest;
import org.caart.waiver.boundary.Waivers;
import org.caart.waiver.entity.Waiver;
import org.caart.waiver.entity.WaiverStatus;
import org.caart.web.FormMessages;
import org.caart.web.company.CompanyOptions.Option;
import org.caart.web.company.CurrentCompany;
import org.caart.web.security.CurrentUser;

/**
 * The company's exceptions: the request form (filled in from a failed result when opened with {@code result}),
 * the list with filters ({@code exception} shows one), and approve, reject and reopen, each one boundary call.
 */
@Named
@ViewScoped
public class ExceptionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Waivers waivers;

    @Inject
    WaiverLimits limits;

    @Inject
    Endpoints endpoints;

    @Inject
    CurrentCompany current;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private long companyId;
    private Long resultId;
    private Long exceptionId;
    private List<Row> rows = List.of();
    private List<Option> endpointOptions = List.of();
    private String limitsText;
    private String draftText;
    private String statusFilter;
    private String textFilter;
    private String note;
    private String reopenDate;
    private final Form form = new Form();

    public void load() {
        companyId = current.id();
        if (exceptionId != null) {
            waivers.get(companyId, exceptionId);
        }
        if (resultId != null) {
            Waivers.Draft draft = waivers.draftFor(companyId, resultId);
            form.policyId = draft.policyId();
            form.checkId = draft.checkId();
            form.scope = "ENDPOINT";
            form.endpointId = String.valueOf(draft.endpointId());
            draftText = draft.checkId() + " \u2013 " + draft.title() + " (" + draft.severity() + ", "
                    + draft.policyName() + ") on " + draft.hostname() + ": observed \"" + draft.observed() + "\"";
        }
        endpointOptions = endpoints.list(companyId).stream().filter(Endpoint::isActive)
                .map(e -> new Option(String.valueOf(e.getId()), e.getHostname())).toList();
        limitsText = String.join(", ", limits.limits(companyId).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() + " days").toList());
        refresh();
    }

    public void refresh() {
        if (exceptionId != null) {
            rows = List.of(Row.of(waivers.get(companyId, exceptionId)));
            return;
        }
        rows = waivers.list(companyId, new Waivers.WaiverFilter(statusFilter == null || statusFilter.isBlank()
                ? null : WaiverStatus.valueOf(statusFilter), null, textFilter)).stream().map(Row::of).toList();
    }

    public void request() {
        Waiver created;
        try {
            created = waivers.request(companyId, new WaiverRequest(form.policyId, form.checkId, form.scope,
                    "ENDPOINT".equals(form.scope) && form.endpointId != null && !form.endpointId.isBlank()
                            ? Long.valueOf(form.endpointId) : null, form.tag, form.reason, form.ticket,
                    form.expiresOn), user.sourceAddress());
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "request", e);
            return;
        }
        FormMessages.info(faces, "Exception #" + created.getId() + " requested: another member with the "
                + "ORDER_REMEDIATION or MANAGE_COMPANY permission approves or rejects it");
        exceptionId = null;
        refresh();
    }

    public void approve(long id) {
        waivers.approve(companyId, id, note, user.sourceAddress());
        FormMessages.info(faces, "Exception #" + id + " approved");
        note = null;
        refresh();
    }

    public void reject(long id) {
        waivers.reject(companyId, id, note, user.sourceAddress());
        FormMessages.info(faces, "Exception #" + id + " rejected");
        note = null;
        refresh();
    }

    public void reopen(long id) {
        try {
            waivers.reopen(companyId, id, new ReopenRequest(note, null, reopenDate), user.sourceAddress());
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "list", e);
            return;
        }
        FormMessages.info(faces, "Exception #" + id + " reopened: it waits for another member's decision");
        note = null;
        reopenDate = null;
        refresh();
    }

    /** Asking and deciding: ORDER_REMEDIATION or MANAGE_COMPANY (the boundary checks it again). */
    public boolean isMayDecide() {
        return current.can("ORDER_REMEDIATION") || current.can("MANAGE_COMPANY");
    }

    public List<String> getStatuses() {
        return Arrays.stream(WaiverStatus.values()).map(Enum::name).toList();
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<Option> getEndpointOptions() {
        return endpointOptions;
    }

    public String getLimitsText() {
        return limitsText;
    }

    public String getDraftText() {
        return draftText;
    }

    public Form getForm() {
        return form;
    }

    public Long getResultId() {
        return resultId;
    }

    public void setResultId(Long resultId) {
        this.resultId = resultId;
    }

    public Long getExceptionId() {
        return exceptionId;
    }

    public void setExceptionId(Long exceptionId) {
        this.exceptionId = exceptionId;
    }

    public String getStatusFilter() {
        return statusFilter;
    }

    public void setStatusFilter(String statusFilter) {
        this.statusFilter = statusFilter;
    }

    public String getTextFilter() {
        return textFilter;
    }

    public void setTextFilter(String textFilter) {
        this.textFilter = textFilter;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getReopenDate() {
        return reopenDate;
    }

    public void setReopenDate(String reopenDate) {
        this.reopenDate = reopenDate;
    }

    /** The request form's fields. */
    public static class Form implements Serializable {

        private static final long serialVersionUID = 1L;

        private String policyId;
        private String checkId;
        private String scope = "ENDPOINT";
        private String endpointId;
        private String tag;
        private String reason;
        private String ticket;
        private String expiresOn;

        public String getPolicyId() {
            return policyId;
        }

        public void setPolicyId(String policyId) {
            this.policyId = policyId;
        }

        public String getCheckId() {
            return checkId;
        }

        public void setCheckId(String checkId) {
            this.checkId = checkId;
        }

        public String getScope() {
            return scope;
        }

        public void setScope(String scope) {
            this.scope = scope;
        }

        public String getEndpointId() {
            return endpointId;
        }

        public void setEndpointId(String endpointId) {
            this.endpointId = endpointId;
        }

        public String getTag() {
            return tag;
        }

        public void setTag(String tag) {
            this.tag = tag;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public String getTicket() {
            return ticket;
        }

        public void setTicket(String ticket) {
            this.ticket = ticket;
        }

        public String getExpiresOn() {
            return expiresOn;
        }

        public void setExpiresOn(String expiresOn) {
            this.expiresOn = expiresOn;
        }
    }

    public record Row(long id, String status, String check, String policy, String severity, String scope,
            String reason, String ticket, String expiresOn, String requestedBy, String decidedBy, String note,
            String reopenReason, String evidence, boolean pending, boolean rejected) implements Serializable {

        static Row of(WaiverDetail d) {
            Waiver w = d.waiver();
            return new Row(w.getId(), w.getStatus().name(), w.getCheckId() + " \u2013 " + w.getCheckTitle(),
                    w.getPolicyId(), w.getSeverity() == null ? "" : w.getSeverity(), d.scopeText(), w.getReason(),
                    w.getTicket() == null ? "" : w.getTicket(), w.getExpiresOn().toString(), w.getRequestedByEmail(),
                    w.getDecidedByEmail() == null ? "" : w.getDecidedByEmail(),
                    w.getDecisionNote() == null ? "" : w.getDecisionNote(),
                    w.getReopenReason() == null ? "" : w.getReopenReason(),
                    d.evidence().isEmpty() ? "" : String.join(" | ", d.evidence()), w.getStatus().pending(),
                    w.getStatus() == WaiverStatus.REJECTED);
        }
    }
}
