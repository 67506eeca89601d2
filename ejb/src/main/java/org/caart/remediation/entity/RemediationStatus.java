package org.caart.remediation.entity;

/**
 * Where a remediation stands as a whole. PLANNING: the agents are asked what they would change. PLANNED: every plan
 * is in and at least one item can be fixed; it waits for approval (or for the requester, when the company does not
 * ask for a second member). NOTHING_TO_FIX: every plan is in and no item has a fix to apply (all manual, already
 * passing or refused). APPLYING: approved; the agents apply. DONE: every order sent has finished. ROLLING_BACK: a
 * rollback was asked and has not finished. CANCELLED: stopped before it was applied.
 */
public enum RemediationStatus {
    PLANNING, PLANNED, NOTHING_TO_FIX, APPLYING, DONE, ROLLING_BACK, CANCELLED
}
