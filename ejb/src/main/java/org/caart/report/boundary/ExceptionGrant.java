package org.caart.report.boundary;

import java.time.OffsetDateTime;

/**
 * An approved exception (waiver) in force for one check of one run: a failed result reads EXCEPTED in reports, counts
 * as passed in the score with exceptions, and becomes an XCCDF {@code override}. Filled by {@link ExceptionSource}.
 */
public record ExceptionGrant(String checkId, String reason, String approver, OffsetDateTime approvedAt,
        OffsetDateTime expiresAt, String ticket) {
}
