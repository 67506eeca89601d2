package org.caart.remediation.boundary;

import java.util.List;

/**
 * What to roll back of a remediation: the items named, else every item on endpoint {@code endpointId}, else every
 * item whose change is in place.
 */
public record RollbackRequest(List<Long> itemIds, Long endpointId) {

    public static final RollbackRequest ALL = new RollbackRequest(List.of(), null);

    public RollbackRequest {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }
}
