package org.caart.contract.agent.v1;

import java.util.List;

/**
 * POST /api/agent/v1/results: some results of one run. {@code batchId} is made by the agent (a UUID) and makes a
 * resend harmless: the server stores each batch once. {@code sequence} counts from 0; {@code planned} is the
 * number of checks the run will report. The last batch has {@code end} set (and may carry no results). A batch
 * holds at most {@link #MAX_RESULTS} results: the agent cuts its batches there, the server refuses larger ones.
 */
public record ResultBatchView(String batchId, String runId, int sequence, int planned,
                              List<CheckResultView> results, RunEnd end, String error) {

    public static final int MAX_RESULTS = 500;

    public ResultBatchView {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
