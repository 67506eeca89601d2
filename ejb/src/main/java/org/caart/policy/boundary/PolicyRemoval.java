package org.caart.policy.boundary;

/**
 * Fired before an uploaded policy is deleted, in the deleting transaction. An observer that still needs the policy
 * (audit: an open run has yet to receive it) vetoes by throwing a {@code ConflictException} saying why.
 */
public record PolicyRemoval(long companyId, String choice) {
}
