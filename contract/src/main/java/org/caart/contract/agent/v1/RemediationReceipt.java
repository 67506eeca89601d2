package org.caart.contract.agent.v1;

/** 202 for a remediation report: the server holds it (a resend of the same {@code reportId} changes nothing). */
public record RemediationReceipt(String reportId) {
}
