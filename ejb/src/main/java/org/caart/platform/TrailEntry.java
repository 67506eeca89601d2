package org.caart.platform;

/**
 * Something that goes to the security audit trail, fired as a CDI event by the component where it happened and
 * stored by the {@code trail} component in the same transaction ({@code refusal}: in a transaction of its own, so
 * it survives the caller's rollback: a refused sign-in, a rejected request). Components never call the trail.
 */
public record TrailEntry(Long companyId, Long actorId, String actor, String action, String target, String detail,
        String sourceAddress, boolean refusal) {
}
