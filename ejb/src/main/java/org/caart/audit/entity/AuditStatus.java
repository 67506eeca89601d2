package org.caart.audit.entity;

/** Where an audit (a "stream" in the requirements) stands. */
public enum AuditStatus {
    PENDING, RUNNING, STOPPED, COMPLETED, FAILED_TO_START
}
