package org.caart.contract.agent.v1;

/** How a run ended, on its last batch. */
public enum RunEnd {
    /** Every check of the policy ran. */
    COMPLETED,
    /** The server asked to stop; the results sent so far stand. */
    STOPPED,
    /** The run could not go on (the policy did not load, the agent is shutting down); see {@code error}. */
    FAILED
}
