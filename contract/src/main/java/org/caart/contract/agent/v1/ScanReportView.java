package org.caart.contract.agent.v1;

import java.time.OffsetDateTime;
import java.util.List;

/** The results of one scan of one host against one policy. */
public record ScanReportView(String policyId, String policyName, String hostname, String os,
                             OffsetDateTime startedAt, OffsetDateTime finishedAt, ScanSummary summary,
                             List<CheckResultView> results) {

    public ScanReportView {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
