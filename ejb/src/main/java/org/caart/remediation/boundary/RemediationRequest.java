package org.caart.remediation.boundary;

import java.util.List;

/**
 * What to fix: failing check results by id (of any audits and endpoints of the company), or with {@code allFailing}
 * every failing result of audit {@code auditId}. Both may be given; the same check on the same endpoint counts once.
 */
public record RemediationRequest(List<Long> checkResultIds, Long auditId, boolean allFailing) {

    public RemediationRequest {
        checkResultIds = checkResultIds == null ? List.of() : List.copyOf(checkResultIds);
    }
}
