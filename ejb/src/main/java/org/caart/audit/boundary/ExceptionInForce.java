package org.caart.audit.boundary;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An approved, unexpired exception as audit applies it: for one check of one policy, on one endpoint
 * ({@code endpointId}), the endpoints carrying {@code tag} (their tags now), or every endpoint of the company (both
 * null), for the observed values it was granted for ({@code evidence}; no value is the empty text).
 */
public record ExceptionInForce(long id, String policyId, String checkId, Long endpointId, String tag,
        Set<String> evidence) {

    public ExceptionInForce {
        evidence = Set.copyOf(evidence);
    }

    /** Whether this exception excepts a failed result of the check with this evidence on this endpoint. */
    public boolean covers(String runPolicyId, String resultCheckId, long onEndpoint, List<String> endpointTags,
            String observed) {
        return policyId.equals(runPolicyId) && checkId.equals(resultCheckId) && inScope(onEndpoint, endpointTags)
                && evidence.contains(observed == null ? "" : observed);
    }

    public boolean inScope(long onEndpoint, List<String> endpointTags) {
        if (endpointId != null) {
            return endpointId == onEndpoint;
        }
        return tag == null || endpointTags.contains(tag);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExceptionInForce e && e.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
