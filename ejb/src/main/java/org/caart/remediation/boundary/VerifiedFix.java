package org.caart.remediation.boundary;

import java.time.OffsetDateTime;

/**
 * A fix the agent applied and verified for one check on one endpoint: its item reached FIXED or NEEDS_REBOOT in an
 * APPLY order (the re-check passed) at {@code verifiedAt}, and stays in place until a rollback restored the before
 * value ({@code undoneAt}, null while it is in place).
 */
public record VerifiedFix(long endpointId, String policyId, String checkId, long remediationId, String approvedBy,
        OffsetDateTime verifiedAt, OffsetDateTime undoneAt) {

    /** Whether the fix was verified and not yet rolled back at that time. */
    public boolean inPlaceAt(OffsetDateTime at) {
        return at != null && !at.isBefore(verifiedAt) && (undoneAt == null || at.isBefore(undoneAt));
    }

    /**
     * Of the fixes for one check on one endpoint, the newest one in place at that time (when a run started: the check
     * ran again after it), or null: what makes a passed result read FIXED (docs/reports.md).
     */
    public static VerifiedFix newestInPlace(java.util.Collection<VerifiedFix> candidates, OffsetDateTime at) {
        VerifiedFix newest = null;
        for (VerifiedFix fix : candidates) {
            if (fix.inPlaceAt(at) && (newest == null || fix.verifiedAt().isAfter(newest.verifiedAt()))) {
                newest = fix;
            }
        }
        return newest;
    }
}
