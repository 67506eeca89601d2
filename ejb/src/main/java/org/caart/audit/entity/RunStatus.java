package org.caart.audit.entity;

/** One endpoint's part of an audit. QUEUED until the agent's first batch; then RUNNING until the last one. */
public enum RunStatus {
    QUEUED, RUNNING, COMPLETED, STOPPED, FAILED, FAILED_TO_START;

    public boolean isOpen() {
        return this == QUEUED || this == RUNNING;
    }
}
