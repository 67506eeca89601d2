package org.caart.contract.agent.v1;

import java.util.Collection;

/** Counts per status; {@code score} = passed / (passed + failed) * 100, or 0 when nothing passed or failed. */
public record ScanSummary(int passed, int failed, int notApplicable, int error, int notRun, double score) {

    public static ScanSummary of(Collection<CheckResultView> results) {
        int[] counts = new int[CheckStatus.values().length];
        for (CheckResultView result : results) {
            counts[result.status().ordinal()]++;
        }
        int passed = counts[CheckStatus.PASSED.ordinal()];
        int failed = counts[CheckStatus.FAILED.ordinal()];
        double score = passed + failed == 0 ? 0 : passed * 100.0 / (passed + failed);
        return new ScanSummary(passed, failed, counts[CheckStatus.NOT_APPLICABLE.ordinal()],
                counts[CheckStatus.ERROR.ordinal()], counts[CheckStatus.NOT_RUN.ordinal()], score);
    }

    public int total() {
        return passed + failed + notApplicable + error + notRun;
    }
}
