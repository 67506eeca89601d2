package org.caart.contract.agent.v1;

import java.util.List;

/**
 * A remediation order for one host (in {@link OrdersView#remediate()}): an id the server makes (a UUID), the
 * action, for ROLLBACK the order whose changes to undo ({@code rollbackOf}; its items name the checks to roll back),
 * the items, and the uploaded policies they use. The server repeats it on every poll until it holds a report with
 * {@code finished} true; the agent acts on an order id once (its journal remembers them across restarts) and answers
 * a repeat with the order's latest report.
 */
public record RemediationOrderView(String orderId, RemediationAction action, String rollbackOf,
                                   List<RemediationItemOrder> items, List<RemediationPolicyView> policies) {

    public RemediationOrderView {
        items = items == null ? List.of() : List.copyOf(items);
        policies = policies == null ? List.of() : List.copyOf(policies);
    }
}
