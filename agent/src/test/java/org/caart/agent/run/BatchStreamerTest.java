package org.caart.agent.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.caart.contract.agent.v1.CheckResultView;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.ResultBatchView;
import org.caart.contract.agent.v1.RunEnd;
import org.caart.contract.agent.v1.Severity;
import org.junit.jupiter.api.Test;

class BatchStreamerTest {

    private final List<ResultBatchView> sent = new ArrayList<>();
    private final MovingClock clock = new MovingClock();
    private final BatchStreamer streamer = new BatchStreamer("run-1", 1200, sent::add, clock);

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static CheckResultView result(int i) {
        return new CheckResultView("c" + i, "check " + i, CheckStatus.PASSED, Severity.LOW, List.of(), null, "x", "x",
                null, null, null, 5);
    }

    private List<Integer> sizes() {
        return sent.stream().map(b -> b.results().size()).toList();
    }

    @Test
    void theFirstResultGoesOutAtOnceWithThePlannedCount() {
        streamer.add(result(0));
        assertEquals(1, sent.size());
        assertEquals(0, sent.get(0).sequence());
        assertEquals(1200, sent.get(0).planned());
        assertNull(sent.get(0).end());
    }

    @Test
    void batchesHoldAtMost500Results() {
        IntStream.range(0, 1200).forEach(i -> streamer.add(result(i)));
        streamer.finish(RunEnd.COMPLETED, null);
        assertEquals(List.of(1, 500, 500, 199), sizes());
        assertEquals(List.of(0, 1, 2, 3), sent.stream().map(ResultBatchView::sequence).toList());
        assertEquals(RunEnd.COMPLETED, sent.get(3).end());
        assertTrue(sent.stream().allMatch(b -> b.planned() == 1200 && b.runId().equals("run-1")));
        assertEquals(1200, sent.stream().mapToInt(b -> b.results().size()).sum());
    }

    @Test
    void resultsThatWaitedASecondAreSent() {
        streamer.add(result(0));
        streamer.add(result(1));
        streamer.flushIfDue();
        assertEquals(List.of(1), sizes());
        clock.now = clock.now.plusMillis(999);
        streamer.add(result(2));
        streamer.flushIfDue();
        assertEquals(List.of(1), sizes());
        clock.now = clock.now.plusMillis(1);
        streamer.flushIfDue();
        assertEquals(List.of(1, 2), sizes());
    }

    @Test
    void theLastBatchCarriesTheEndEvenWhenItHasNoResults() {
        streamer.add(result(0));
        streamer.finish(RunEnd.STOPPED, null);
        streamer.finish(RunEnd.COMPLETED, null);
        streamer.flushIfDue();
        assertEquals(2, sent.size());
        assertEquals(List.of(), sent.get(1).results());
        assertEquals(RunEnd.STOPPED, sent.get(1).end());
        assertEquals(1, sent.get(1).sequence());
    }

    @Test
    void everyBatchHasItsOwnId() {
        IntStream.range(0, 600).forEach(i -> streamer.add(result(i)));
        streamer.finish(RunEnd.COMPLETED, null);
        assertEquals(sent.size(), sent.stream().map(ResultBatchView::batchId).distinct().count());
    }

    @Test
    void hugeEvidenceIsCutAndBatchesStayUnderTheSizeLimit() {
        String huge = "x".repeat(BatchStreamer.MAX_EVIDENCE_CHARS * 3);
        CheckResultView big = new CheckResultView("big", "big", CheckStatus.FAILED, Severity.HIGH, List.of(), null,
                "expected", huge, null, null, null, 1);
        IntStream.range(0, 40).forEach(i -> streamer.add(big));
        streamer.finish(RunEnd.COMPLETED, null);
        String observed = sent.get(0).results().get(0).observed();
        assertTrue(observed.endsWith("[cut by the agent: 300000 characters in all]"), observed.substring(100_000));
        assertTrue(sent.size() > 2, "should split by size, got " + sizes());
        assertTrue(sent.stream().allMatch(b -> org.caart.agent.transport.Json.size(b) < 4 << 20));
    }
}
