package org.caart.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScoreTest {

    @Test
    void onlyACompletedRunHasAScore() {
        assertEquals(75.0, Score.ofRun(RunStatus.COMPLETED, 6, 2));
        for (RunStatus status : RunStatus.values()) {
            if (status != RunStatus.COMPLETED) {
                assertNull(Score.ofRun(status, 6, 2), status.name());
            }
        }
    }

    @Test
    void aRunWithNothingPassedOrFailedHasNoScore() {
        assertNull(Score.ofRun(RunStatus.COMPLETED, 0, 0));
        assertEquals("–", Score.label(RunStatus.COMPLETED, 0, 0));
    }

    @Test
    void severalRunsScoreTheMeanOfThoseWithAScore() {
        assertEquals(87.5, Score.mean(Arrays.asList(75.0, null, 100.0)));
        assertNull(Score.mean(Arrays.asList(null, null)));
    }

    @Test
    void labelsSayWhatARunOrAnAuditIsUntilItCompleted() {
        assertEquals("75%", Score.label(RunStatus.COMPLETED, 6, 2));
        assertEquals("in progress", Score.label(RunStatus.RUNNING, 6, 2));
        assertEquals("partial (stopped)", Score.label(RunStatus.STOPPED, 45, 162));
        assertEquals("partial (stopped)", Score.label(AuditStatus.STOPPED, 28.0));
        assertEquals("in progress", Score.label(AuditStatus.RUNNING, 48.0));
        assertEquals("88%", Score.label(AuditStatus.COMPLETED, 87.5));
    }

    @Test
    void exceptedFailuresCountAsPassedInTheScoreWithExceptions() {
        assertEquals(75.0, Score.ofRun(RunStatus.COMPLETED, 6, 2, 0));
        assertEquals(87.5, Score.ofRun(RunStatus.COMPLETED, 6, 2, 1));
        assertEquals(100.0, Score.ofRun(RunStatus.COMPLETED, 6, 2, 2));
        assertEquals(100.0, Score.ofRun(RunStatus.COMPLETED, 6, 2, 5), "never more than the failures");
        assertNull(Score.ofRun(RunStatus.RUNNING, 6, 2, 1), "a run in progress has no score with exceptions either");
        assertEquals("88%", Score.label(RunStatus.COMPLETED, 6, 2, 1));
        assertEquals("partial (stopped)", Score.label(RunStatus.STOPPED, 6, 2, 1));
    }
}
