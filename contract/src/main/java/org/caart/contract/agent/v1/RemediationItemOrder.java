package org.caart.contract.agent.v1;

/**
 * One check to plan, fix or roll back: {@code itemId} is the server's id for the item (echoed in reports),
 * {@code checkId} a check of policy {@code policyId} (a built-in policy's id or file name, or {@code upload:<id>}
 * sent in the order's {@code policies}). No command and no value travel: the fix comes from the agent's catalog.
 */
public record RemediationItemOrder(String itemId, String checkId, String policyId) {
}
