package org.caart.audit.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.caart.contract.agent.v1.CheckResultView;
import org.caart.contract.agent.v1.ResultBatchView;
import org.caart.platform.InvalidInputException;

/** What a result batch must satisfy before it is queued; each problem is named by its JSON path. */
public final class BatchCheck {

    public static final int MAX_PLANNED = 100_000;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private BatchCheck() {
    }

    public static void check(ResultBatchView batch) {
        if (batch == null) {
            throw new InvalidInputException("body", "Send a result batch");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (batch.batchId() == null || !UUID.matcher(batch.batchId()).matches()) {
            errors.put("batchId", "A batch id is a UUID made by the agent");
        }
        if (batch.runId() == null || !UUID.matcher(batch.runId()).matches()) {
            errors.put("runId", "A run id is the UUID of the order");
        }
        if (batch.sequence() < 0) {
            errors.put("sequence", "The sequence counts from 0");
        }
        if (batch.planned() < 0 || batch.planned() > MAX_PLANNED) {
            errors.put("planned", "Planned checks are between 0 and " + MAX_PLANNED);
        }
        if (batch.error() != null && batch.error().length() > 1000) {
            errors.put("error", "An error has at most 1000 characters");
        }
        List<CheckResultView> results = batch.results();
        if (results.size() > ResultBatchView.MAX_RESULTS) {
            errors.put("results", "A batch holds at most " + ResultBatchView.MAX_RESULTS + " results");
        }
        for (int i = 0; i < results.size() && errors.size() < 20; i++) {
            CheckResultView result = results.get(i);
            String at = "results[" + i + "]";
            if (result == null) {
                errors.put(at, "A result cannot be null");
                continue;
            }
            if (result.checkId() == null || result.checkId().isBlank() || result.checkId().length() > 120) {
                errors.put(at + ".checkId", "A check id has 1 to 120 characters");
            }
            if (result.title() == null || result.title().isBlank()) {
                errors.put(at + ".title", "A result needs its check's title");
            }
            if (result.status() == null) {
                errors.put(at + ".status", "A result needs a status");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
