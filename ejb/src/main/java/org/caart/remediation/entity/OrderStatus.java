package org.caart.remediation.entity;

/**
 * An order to one agent: SENT, TAKEN (a report arrived), FINISHED (its finished report arrived), CANCELLED (before
 * the agent took it). SENT and TAKEN orders are repeated on every poll.
 */
public enum OrderStatus {
    SENT, TAKEN, FINISHED, CANCELLED
}
