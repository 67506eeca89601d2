package org.caart.audit.boundary;

import java.util.List;

/**
 * A new audit (UC5): a title, the endpoints (by id, or all of the company's active ones, or those with a tag) and a
 * policy (a built-in id or "default").
 */
public record AuditRequest(String title, List<Long> endpointIds, boolean allEndpoints, String tag, String policy) {

    public AuditRequest {
        endpointIds = endpointIds == null ? List.of() : List.copyOf(endpointIds);
    }
}
