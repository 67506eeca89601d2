package org.caart.web.remediation;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.caart.remediation.boundary.RemediationDetail;
import org.caart.remediation.boundary.Remediations;
import org.caart.remediation.boundary.RollbackRequest;
import org.caart.remediation.entity.RemediationStatus;
import org.caart.web.CompanyTime;
import org.caart.web.FormMessages;
import org.caart.web.company.CurrentCompany;
import org.caart.web.security.CurrentUser;

/**
 * One remediation: the plan per endpoint and check (observed value, value to set, flags, manual items with what to
 * do by hand), approval, the items' states live with before and after values (the page polls while the agents
 * work), and rollback of an item, an endpoint or everything.
 */
@Named
@ViewScoped
public class RemediationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Remediations remediations;

    @Inject
    CompanyTime time;

    @Inject
    CurrentCompany current;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private Long remediationId;
    private long companyId;
    private RemediationView remediation;
    private List<ItemRow> items = List.of();
    private List<HostRow> hosts = List.of();

    public void load() {
        companyId = current.id();
        if (remediationId == null) {
            throw new org.caart.platform.NotFoundException("Remediation");
        }
        refresh();
    }

    public void refresh() {
        show(remediations.detail(companyId, remediationId));
    }

    public void approve() {
        remediations.approve(companyId, remediationId, user.sourceAddress());
        FormMessages.info(faces, "Approved: the fixes are sent to the agents");
        refresh();
    }

    public void cancel() {
        remediations.cancel(companyId, remediationId, user.sourceAddress());
        FormMessages.info(faces, "Cancelled: nothing more is sent to the agents");
        refresh();
    }

    public void rollbackAll() {
        rollback(RollbackRequest.ALL, "every item whose change is in place");
    }

    public void rollbackHost(long endpointId) {
        rollback(new RollbackRequest(List.of(), endpointId), "the items of this endpoint");
    }

    public void rollbackItem(long itemId) {
        rollback(new RollbackRequest(List.of(itemId), null), "the item");
    }

    private void rollback(RollbackRequest request, String what) {
        remediations.rollback(companyId, remediationId, request, user.sourceAddress());
        FormMessages.info(faces, "Rollback sent for " + what + ": the agent restores the before values");
        refresh();
    }

    private void show(RemediationDetail detail) {
        items = detail.items().stream().map(ItemRow::of).toList();
        hosts = HostRow.of(items);
        remediation = RemediationView.of(detail, items, time);
    }

    public boolean isLive() {
        return remediation != null && remediation.live();
    }

    public Long getRemediationId() {
        return remediationId;
    }

    public void setRemediationId(Long remediationId) {
        this.remediationId = remediationId;
    }

    public RemediationView getRemediation() {
        return remediation;
    }

    public List<ItemRow> getItems() {
        return items;
    }

    public List<HostRow> getHosts() {
        return hosts;
    }

    public boolean isPlanned() {
        return remediation != null && remediation.status().equals(RemediationStatus.PLANNED.name());
    }

    public boolean isCancellable() {
        return remediation != null && (isPlanned()
                || remediation.status().equals(RemediationStatus.PLANNING.name()));
    }
}
