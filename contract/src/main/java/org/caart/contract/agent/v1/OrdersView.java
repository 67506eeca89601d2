package org.caart.contract.agent.v1;

import java.util.List;

/**
 * GET /api/agent/v1/orders?waitSeconds=N: audits to start, runs to stop and remediation orders. The server answers
 * as soon as there is something, or with empty lists after the wait. An order is repeated until its first batch
 * (audits) or first report (remediation) arrives. {@code remediate} was added to v1 later; agents that do not know
 * it ignore it.
 */
public record OrdersView(List<AuditOrderView> start, List<String> stopRunIds, List<RemediationOrderView> remediate) {

    public OrdersView {
        start = start == null ? List.of() : List.copyOf(start);
        stopRunIds = stopRunIds == null ? List.of() : List.copyOf(stopRunIds);
        remediate = remediate == null ? List.of() : List.copyOf(remediate);
    }

    /** Audit orders and stops only (servers without remediation). */
    public OrdersView(List<AuditOrderView> start, List<String> stopRunIds) {
        this(start, stopRunIds, List.of());
    }

    public boolean isEmpty() {
        return start.isEmpty() && stopRunIds.isEmpty() && remediate.isEmpty();
    }
}
