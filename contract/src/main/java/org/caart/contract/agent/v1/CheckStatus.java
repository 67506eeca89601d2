package org.caart.contract.agent.v1;

/** Outcome of one check on one host. */
public enum CheckStatus {
    PASSED, FAILED, NOT_APPLICABLE, ERROR, NOT_RUN
}
