package org.caart.contract.agent.v1;

/**
 * An order to audit this host: one endpoint's part ({@code runId}) of an audit. The policy is either one of the
 * agent's built-in policies ({@code policyId}, {@code policyContent} null) or a policy the company uploaded,
 * sent in full ({@code policyContent}, format CAART or SCA). Command checks of an uploaded policy run only if the
 * host's own configuration allows server-sent commands.
 */
public record AuditOrderView(String runId, long auditId, String auditTitle, String policyId, String policyName,
                             String policyFormat, String policyContent) {
}
