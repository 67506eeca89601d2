package org.caart.contract.agent.v1;

/**
 * The agent's identity: {@code agentId} and {@code secret} authenticate every later request as
 * {@code Authorization: Bearer <agentId>.<secret>}. The server keeps only the secret's hash; the agent stores it
 * readable by its own user only. {@code pollSeconds} is how long an order poll may wait.
 */
public record EnrollResponse(String agentId, String secret, long companyId, String companyName, int pollSeconds) {
}
