package org.caart.contract.agent.v1;

import java.util.List;

/**
 * One item of a remediation report. {@code observed} is the check's evidence before anything changed;
 * {@code target} the value the fix sets (in words, e.g. "0" or "mode 0600, owner root"); {@code before} the exact
 * value the agent journaled ("absent" when the key, line or file did not exist); {@code after} the check's evidence
 * at the re-check. {@code manualText} is the check's remediation text for MANUAL items. {@code at} is an ISO-8601
 * instant.
 */
public record RemediationItemReport(String itemId, String checkId, String policyId, RemediationItemState state,
                                    FixKind fixKind, String observed, String target, String before, String after,
                                    String message, List<RemediationFlag> flags, String manualText, String at) {

    public RemediationItemReport {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }
}
