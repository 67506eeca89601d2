package org.caart.audit.entity;

/** What a removal of audits took away: audits, their runs and their results. */
public record RemovedAudits(int audits, int runs, int results) {
}
