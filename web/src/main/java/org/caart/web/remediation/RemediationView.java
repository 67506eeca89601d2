package org.caart.web.remediation;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.caart.remediation.boundary.RemediationDetail;
import org.caart.remediation.entity.Remediation;
import org.caart.remediation.entity.RemediationOrder;
import org.caart.remediation.entity.RemediationStatus;
import org.caart.web.CompanyTime;

/** A remediation's header on its page: status, who asked and approved, and what the agents said of the orders. */
public record RemediationView(long id, String status, boolean approvalRequired, String requestedBy,
        String approvedBy, String createdAt, int fixable, int manual, boolean anyRollback, List<String> notes,
        boolean live) implements Serializable {

    static RemediationView of(RemediationDetail detail, List<ItemRow> items, CompanyTime time) {
        Remediation r = detail.remediation();
        List<String> notes = detail.orders().stream().filter(o -> o.getMessage() != null)
                .map(o -> o.getAction() + " on " + host(items, o) + ": " + o.getMessage())
                .collect(Collectors.toList());
        RemediationStatus status = r.getStatus();
        return new RemediationView(r.getId(), status.name(), r.isApprovalRequired(), r.getRequestedByEmail(),
                r.getApprovedByEmail() == null ? "" : r.getApprovedByEmail(), time.of(r.getCreatedAt()),
                (int) items.stream().filter(i -> i.planState().equals("PLANNED")).count(),
                (int) items.stream().filter(ItemRow::manual).count(), items.stream().anyMatch(ItemRow::rollback),
                notes, status == RemediationStatus.PLANNING || status == RemediationStatus.APPLYING
                        || status == RemediationStatus.ROLLING_BACK);
    }

    private static String host(List<ItemRow> items, RemediationOrder order) {
        return items.stream().filter(i -> i.endpointId() == order.getEndpointId()).map(ItemRow::hostname)
                .findFirst().orElse("endpoint " + order.getEndpointId());
    }
}
