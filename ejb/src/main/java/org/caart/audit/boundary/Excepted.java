package org.caart.audit.boundary;

import java.util.Map;
import org.caart.audit.entity.AuditRun;
import org.caart.audit.entity.Score;

/**
 * Which failed results of some runs an exception covers: per run how many, per result the exception's id. Scores
 * with exceptions are read from here ({@link Score}); nothing is excepted when no exception is in force.
 * {@code statements}: the SQL statements it took.
 */
public record Excepted(Map<String, Integer> perRun, Map<Long, Long> byResult, int statements) {

    public static final Excepted NONE = new Excepted(Map.of(), Map.of(), 0);

    public Excepted {
        perRun = Map.copyOf(perRun);
        byResult = Map.copyOf(byResult);
    }

    public int count(String runId) {
        return perRun.getOrDefault(runId, 0);
    }

    /** The exception covering a failed result, or null. */
    public Long exceptionOf(long resultId) {
        return byResult.get(resultId);
    }

    public boolean isExcepted(long resultId) {
        return byResult.containsKey(resultId);
    }

    /** The run's score with exceptions (none until it completed). */
    public Double score(AuditRun run) {
        return run.score(count(run.getId()));
    }

    public String scoreLabel(AuditRun run) {
        return run.scoreLabel(count(run.getId()));
    }
}
