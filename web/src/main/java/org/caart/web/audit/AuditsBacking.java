package org.caart.web.audit;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.caart.audit.boundary.AuditHistory;
import org.caart.audit.boundary.AuditRequest;
import org.caart.audit.boundary.Audits;
import org.caart.audit.entity.Audit;
import org.caart.endpoint.boundary.Endpoints;
import org.caart.endpoint.entity.Endpoint;
import org.caart.platform.InvalidInputException;
import org.caart.policy.boundary.BuiltInPolicies;
import org.caart.policy.boundary.Policies;
import org.caart.web.FormMessages;
import org.caart.web.PagedModel;
import org.caart.web.TimeText;
import org.caart.web.company.CompanyOptions.Option;
import org.caart.web.company.CurrentCompany;
import org.caart.web.security.CurrentUser;

/** Audits of the company: history, and the "New audit" form (UC5). */
@Named
@ViewScoped
public class AuditsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Audits audits;

    @Inject
    AuditHistory auditHistory;

    @Inject
    Endpoints endpoints;

    @Inject
    Policies policies;

    @Inject
    CurrentCompany current;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private long companyId;
    private final PagedModel<AuditRow> history = new PagedModel<>(20, (first, max, sort) -> {
        AuditHistory.Page page = auditHistory.page(companyId, first, max);
        return new PagedModel.Slice<>(page.lines().stream().map(l -> AuditRow.of(l, page.zone())).toList(),
                page.count());
    }, r -> String.valueOf(r.id()));
    private List<Option> endpointOptions = List.of();
    private List<Option> policyOptions = List.of();
    private String title;
    private String target = "all";
    private String tag;
    private List<String> chosen = new ArrayList<>();
    private String policy = BuiltInPolicies.DEFAULT;

    public void load() {
        companyId = current.id();
        endpointOptions = endpoints.list(companyId).stream().filter(Endpoint::isActive)
                .map(e -> new Option(String.valueOf(e.getId()), e.getHostname() + " (" + e.getOsFamily() + ")"))
                .toList();
        policyOptions = policyOptions();
    }

    public void create() throws IOException {
        AuditRequest request = new AuditRequest(title,
                "chosen".equals(target) ? chosen.stream().map(Long::valueOf).toList() : List.of(),
                "all".equals(target), "tag".equals(target) ? tag : null, policy);
        Audit audit;
        try {
            audit = audits.create(companyId, request, user.sourceAddress());
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "create", e);
            return;
        }
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/app/audit.xhtml?company=" + companyId + "&audit="
                + audit.getId());
    }

    private List<Option> policyOptions() {
        List<Option> options = new ArrayList<>();
        options.add(new Option(BuiltInPolicies.DEFAULT, "Company default for each endpoint's OS"));
        BuiltInPolicies.all().forEach(p -> options.add(new Option(p.id(), p.name())));
        policies.list(companyId).forEach(p -> options.add(new Option(p.choice(), "Uploaded: " + p.name())));
        return options;
    }

    public List<Option> getPolicies() {
        return policyOptions;
    }

    public PagedModel<AuditRow> getHistory() {
        return history;
    }

    public long getCompanyId() {
        return companyId;
    }

    public List<Option> getEndpointOptions() {
        return endpointOptions;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public List<String> getChosen() {
        return chosen;
    }

    public void setChosen(List<String> chosen) {
        this.chosen = chosen;
    }

    public String getPolicy() {
        return policy;
    }

    public void setPolicy(String policy) {
        this.policy = policy;
    }

    /** One audit of the history, its times in the company's zone. */
    public record AuditRow(long id, String title, String status, String createdAt, String createdBy, String policies,
            long endpoints, String score, String duration) implements Serializable {

        static AuditRow of(AuditHistory.Line a, ZoneId zone) {
            return new AuditRow(a.id(), a.title(), a.status().name(), TimeText.at(a.createdAt(), zone), a.createdBy(),
                    a.policies(), a.endpoints(), a.scoreLabel(), TimeText.duration(a.duration()));
        }
    }
}
