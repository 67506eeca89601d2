package org.caart.contract.agent.v1;

import java.util.List;

/**
 * POST /api/agent/v1/remediation-reports: where an order stands on the host. The agent sends one when it takes the
 * order (items QUEUED, or all REFUSED), one after each item changes state, and a last one with {@code finished}
 * true. Each report carries every item's latest state, so the newest report (highest {@code sequence}) of an order
 * is the whole truth; {@code reportId} (a UUID) makes a resend harmless. {@code remediationAllowed} is the host's
 * {@code allow-remediation} setting; {@code message} explains a refusal or an order-level problem.
 */
public record RemediationReportView(String reportId, String orderId, RemediationAction action, int sequence,
                                    boolean finished, boolean remediationAllowed, String message,
                                    List<RemediationItemReport> items) {

    public RemediationReportView {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
