package org.caart.remediation.entity;

/** An order to one agent: SENT (repeated on each poll), TAKEN (its first report arrived), FINISHED, CANCELLED. */
public enum OrderStatus {
    SENT, TAKEN, FINISHED, CANCELLED
}
