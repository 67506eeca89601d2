package org.caart.waiver.boundary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An exception in force (approved, not expired), for reports: the check, the scope ({@code ENDPOINT} with the
 * endpoint's id and name, {@code TAG} with the tag, or {@code COMPANY}), reason, ticket, who asked and who approved
 * when, the expiry (the last day, and the instant it ends) and the observed values it was granted for.
 */
public record EffectiveException(long id, String policyId, String checkId, String checkTitle, String severity,
        String scope, Long endpointId, String hostname, String tag, String reason, String ticket,
        String requestedBy, OffsetDateTime requestedAt, String approvedBy, OffsetDateTime approvedAt,
        LocalDate expiresOn, OffsetDateTime expiresAt, List<String> evidence) {
}
