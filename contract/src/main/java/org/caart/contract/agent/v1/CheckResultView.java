package org.caart.contract.agent.v1;

import java.util.List;

/**
 * One check's result with its evidence: what had to hold ({@code expected}) and what the agent saw
 * ({@code observed}), so a human can judge it without re-running the scan.
 */
public record CheckResultView(String checkId, String title, CheckStatus status, Severity severity,
                              List<String> references, String reason, String expected, String observed,
                              String description, String rationale, String remediation, long durationMicros) {

    public CheckResultView {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
