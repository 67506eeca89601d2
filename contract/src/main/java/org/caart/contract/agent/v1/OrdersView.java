package org.caart.contract.agent.v1;

import java.util.List;

/**
 * GET /api/agent/v1/orders?waitSeconds=N: audits to start and runs to stop. The server answers as soon as there is
 * something, or with two empty lists after the wait. An order is repeated until its first batch arrives.
 */
public record OrdersView(List<AuditOrderView> start, List<String> stopRunIds) {

    public OrdersView {
        start = start == null ? List.of() : List.copyOf(start);
        stopRunIds = stopRunIds == null ? List.of() : List.copyOf(stopRunIds);
    }

    public boolean isEmpty() {
        return start.isEmpty() && stopRunIds.isEmpty();
    }
}
