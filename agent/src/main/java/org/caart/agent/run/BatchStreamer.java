package org.caart.agent.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.caart.agent.transport.Json;
import org.caart.contract.agent.v1.CheckResultView;
import org.caart.contract.agent.v1.ResultBatchView;
import org.caart.contract.agent.v1.RunEnd;

/**
 * Cuts one run's results into batches: the first goes out with the first result (so the server stops repeating the
 * order and learns {@code planned} at once), later ones when they hold 500 results or about 3 MiB, or when their
 * oldest result has waited a second. Sequence counts from 0; every batch carries {@code planned}; the last one
 * carries the end (and may be empty). Evidence longer than 100,000 characters is cut so a batch fits the server's
 * 4 MiB limit.
 */
final class BatchStreamer {

    static final int MAX_BYTES = 3 << 20;
    static final int MAX_EVIDENCE_CHARS = 100_000;
    static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final String runId;
    private final int planned;
    private final Consumer<ResultBatchView> sink;
    private final Clock clock;
    private final List<CheckResultView> pending = new ArrayList<>();
    private int bytes;
    private int sequence;
    private Instant oldest;
    private boolean ended;

    BatchStreamer(String runId, int planned, Consumer<ResultBatchView> sink, Clock clock) {
        this.runId = runId;
        this.planned = planned;
        this.sink = sink;
        this.clock = clock;
    }

    synchronized void add(CheckResultView result) {
        CheckResultView bounded = bounded(result);
        int size = Json.size(bounded);
        if (!pending.isEmpty() && bytes + size > MAX_BYTES) {
            send(null, null);
        }
        if (pending.isEmpty()) {
            oldest = clock.instant();
        }
        pending.add(bounded);
        bytes += size;
        if (sequence == 0 || pending.size() >= ResultBatchView.MAX_RESULTS || bytes >= MAX_BYTES || due()) {
            send(null, null);
        }
    }

    /** Sends what waits if its oldest result has waited a second (called by a timer). */
    synchronized void flushIfDue() {
        if (!ended && !pending.isEmpty() && due()) {
            send(null, null);
        }
    }

    /** Sends the last batch: what waits, and how the run ended. */
    synchronized void finish(RunEnd end, String error) {
        if (!ended) {
            send(end, error);
            ended = true;
        }
    }

    private boolean due() {
        return !clock.instant().isBefore(oldest.plus(MAX_WAIT));
    }

    private void send(RunEnd end, String error) {
        ResultBatchView batch = new ResultBatchView(UUID.randomUUID().toString(), runId, sequence++, planned,
                List.copyOf(pending), end, error);
        pending.clear();
        bytes = 0;
        sink.accept(batch);
    }

    static CheckResultView bounded(CheckResultView r) {
        if (length(r.observed()) <= MAX_EVIDENCE_CHARS && length(r.expected()) <= MAX_EVIDENCE_CHARS
                && length(r.reason()) <= MAX_EVIDENCE_CHARS) {
            return r;
        }
        return new CheckResultView(r.checkId(), r.title(), r.status(), r.severity(), r.references(), cut(r.reason()),
                cut(r.expected()), cut(r.observed()), r.description(), r.rationale(), r.remediation(), r.durationMicros());
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static String cut(String text) {
        return length(text) <= MAX_EVIDENCE_CHARS ? text : text.substring(0, MAX_EVIDENCE_CHARS)
                + " [cut by the agent: " + text.length() + " characters in all]";
    }
}
