package org.caart.web.remediation;

import java.io.Serializable;
import java.util.stream.Collectors;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.remediation.entity.RemediationItem;

/** One check on one endpoint in a remediation's table. */
public record ItemRow(long id, long endpointId, String hostname, String checkId, String title, String severity,
        String planState, String state, String fixKind, String observed, String target, String flags,
        boolean manual, String manualText, String before, String after, String message, boolean rollback)
        implements Serializable {

    static ItemRow of(RemediationItem i) {
        boolean manual = i.getPlanState() == RemediationItemState.MANUAL;
        return new ItemRow(i.getId(), i.getEndpointId(), i.getHostname(), i.getCheckId(), i.getTitle(),
                i.getSeverity() == null ? "" : i.getSeverity(), i.getPlanState().name(), i.getState().name(),
                i.getFixKind() == null ? "" : i.getFixKind().name(), text(i.getObserved()), text(i.getTarget()),
                i.flags().stream().map(f -> f.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining(", ")),
                manual, manual ? text(i.getManualText()) : "", text(i.getBefore()), text(i.getAfter()),
                text(i.getMessage()), i.canRollBack());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
