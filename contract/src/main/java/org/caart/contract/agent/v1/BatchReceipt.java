package org.caart.contract.agent.v1;

/** 202 for a result batch: it is safely queued. {@code stopRequested} tells the agent to end the run now. */
public record BatchReceipt(String batchId, boolean stopRequested) {
}
