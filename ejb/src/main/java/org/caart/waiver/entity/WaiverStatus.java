package org.caart.waiver.entity;

/**
 * Where an exception stands. REQUESTED and REOPENED wait for another member's decision; only APPROVED excepts
 * anything; REJECTED can be reopened by a member; EXPIRED is final (a new request starts over).
 */
public enum WaiverStatus {
    REQUESTED, APPROVED, REJECTED, REOPENED, EXPIRED;

    public boolean pending() {
        return this == REQUESTED || this == REOPENED;
    }
}
