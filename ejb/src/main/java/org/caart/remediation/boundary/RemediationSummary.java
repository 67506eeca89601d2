package org.caart.remediation.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.remediation.entity.Remediation;
import org.caart.remediation.entity.RemediationItem;
import org.caart.remediation.entity.RemediationStatus;

/** A remediation in a list: who asked and approved, how many endpoints and items, and its items per state. */
public record RemediationSummary(long id, RemediationStatus status, String requestedBy, String approvedBy,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, long endpoints, int items,
        Map<RemediationItemState, Integer> states) implements Serializable {

    static List<RemediationSummary> of(List<Remediation> remediations, List<RemediationItem> items) {
        Map<Long, List<RemediationItem>> byRemediation = items.stream()
                .collect(Collectors.groupingBy(RemediationItem::getRemediationId));
        return remediations.stream().map(r -> of(r, byRemediation.getOrDefault(r.getId(), List.of()))).toList();
    }

    static RemediationSummary of(Remediation r, List<RemediationItem> items) {
        Map<RemediationItemState, Integer> states = new EnumMap<>(RemediationItemState.class);
        items.forEach(i -> states.merge(i.getState(), 1, Integer::sum));
        return new RemediationSummary(r.getId(), r.getStatus(), r.getRequestedByEmail(), r.getApprovedByEmail(),
                r.getCreatedAt(), r.getUpdatedAt(), items.stream().map(RemediationItem::getEndpointId).distinct()
                .count(), items.size(), states);
    }

    /** The states in words, e.g. "3 FIXED, 1 FAILED". */
    public String stateText() {
        return states.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }
}
