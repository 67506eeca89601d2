package org.caart.contract.agent.v1;

import java.util.List;

/**
 * One check's result with its evidence: what had to hold ({@code expected}) and what the agent saw
 * ({@code observed}), so a human can judge it without re-running the scan.
 */
public record CheckResultView(String checkId, String title, CheckStatus status, Severity severity,
                              List<String> references, String reason, String expected, String observed,
                              String description, String rationale, String remediation, long durationMicros) {

    /**
     * The reason of a NOT_RUN result whose check needs a command the host does not allow (a policy from the server
     * on a host without {@code allow-server-commands=true}); the server counts these results by it.
     */
    public static final String COMMANDS_REFUSED = "not run: commands from the server are disabled on this host";

    public CheckResultView {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
