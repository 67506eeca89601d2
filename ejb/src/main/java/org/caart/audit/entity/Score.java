package org.caart.audit.entity;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * The compliance score, the one home of its rule. A run's score is the passed share of its checks that passed or
 * failed, in percent (not applicable, errors and checks not run do not count); none while nothing passed or failed.
 * Only a {@link RunStatus#COMPLETED completed} run is scored: a running, stopped or failed run shows its progress and
 * partial counts but never a score, and never replaces the last completed run of its endpoint and policy. The score
 * of several runs (an audit, a trend point, an endpoint, the company) is the mean of the scores of its completed
 * runs; on the dashboard those are the standing runs, the newest completed run per endpoint and policy.
 * <p>
 * Every score has two readings: the raw score, and the score with exceptions, where each failed check that an
 * approved exception covers counts as passed (the XCCDF override of a fail to a pass). Both follow the same rules
 * (completed runs only, the mean of several); with no exception in force they are equal.
 */
public final class Score {

    /**
     * {@link #percent} of one run as an SQL expression over the {@code audit_run} row aliased {@code r}, for
     * aggregations ({@code AVG} of it over completed runs is {@link #mean} of their scores): null while nothing
     * passed or failed.
     */
    public static final String RUN_PERCENT_SQL =
            "CASE WHEN r.passed + r.failed > 0 THEN r.passed * 100.0 / (r.passed + r.failed) END";

    private Score() {
    }

    public static Double percent(long passed, long failed) {
        return passed + failed == 0 ? null : passed * 100.0 / (passed + failed);
    }

    /** The score with exceptions: {@code excepted} of the failed checks count as passed. */
    public static Double percent(long passed, long failed, long excepted) {
        long turned = Math.max(0, Math.min(excepted, failed));
        return percent(passed + turned, failed - turned);
    }

    /** A run's score with exceptions: none until it completed, like the raw one. */
    public static Double ofRun(RunStatus status, long passed, long failed, long excepted) {
        return counts(status) ? percent(passed, failed, excepted) : null;
    }

    /** How a run's score with exceptions reads ({@link #label(RunStatus, long, long)} with excepted as passed). */
    public static String label(RunStatus status, long passed, long failed, long excepted) {
        long turned = Math.max(0, Math.min(excepted, failed));
        return label(status, passed + turned, failed - turned);
    }

    /** Whether a run in this state has a score. */
    public static boolean counts(RunStatus status) {
        return status == RunStatus.COMPLETED;
    }

    /** A run's score: its {@link #percent} once it completed, else none. */
    public static Double ofRun(RunStatus status, long passed, long failed) {
        return counts(status) ? percent(passed, failed) : null;
    }

    /** The score of several runs: the mean of the run scores given (nulls, runs without a score, are left out). */
    public static Double mean(Collection<Double> runScores) {
        return runScores.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).average().stream()
                .boxed().findFirst().orElse(null);
    }

    /**
     * How a run's score reads: a whole percentage once completed; otherwise what the run is, so a running audit
     * shows progress and a stopped one is never taken for a result.
     */
    public static String label(RunStatus status, long passed, long failed) {
        return switch (status) {
            case COMPLETED -> format(percent(passed, failed));
            case QUEUED, RUNNING -> "in progress";
            case STOPPED -> "partial (stopped)";
            case FAILED -> "partial (failed)";
            case FAILED_TO_START -> "–";
        };
    }

    /**
     * How an audit's score reads: the score of its completed runs once the audit completed; progress while it runs;
     * a stopped audit is partial whatever its runs reached.
     */
    public static String label(AuditStatus status, Double completedRuns) {
        return switch (status) {
            case COMPLETED -> format(completedRuns);
            case PENDING, RUNNING -> "in progress";
            case STOPPED -> "partial (stopped)";
            case FAILED_TO_START -> "–";
        };
    }

    /** A whole percentage, or a dash for none. */
    public static String format(Double score) {
        return score == null ? "–" : String.format(Locale.ROOT, "%.0f%%", score);
    }
}
