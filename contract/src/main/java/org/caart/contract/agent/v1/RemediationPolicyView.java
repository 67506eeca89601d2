package org.caart.contract.agent.v1;

/**
 * An uploaded policy a remediation order's items refer to, sent in full as in {@link AuditOrderView}
 * ({@code policyFormat} CAART or SCA). Built-in policies are not sent.
 */
public record RemediationPolicyView(String policyId, String policyName, String policyFormat, String policyContent) {
}
