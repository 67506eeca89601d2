package org.caart.agent.command;

import java.io.PrintStream;
import java.time.Duration;

import org.caart.agent.check.Policy;
import org.caart.contract.agent.v1.CheckResultView;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.ScanReportView;
import org.caart.contract.agent.v1.ScanSummary;

/** The human-readable result of a scan: one line per check, then the summary. */
final class ScanTable {

    private static final int TITLE_WIDTH = 70;
    private static final int REASON_WIDTH = 200;

    private ScanTable() {
    }

    static void print(ScanReportView report, Policy policy, PrintStream out, boolean quiet) {
        out.println("Policy: " + report.policyName() + " (" + report.policyId() + ", " + policy.format() + ")");
        out.println("Host:   " + report.hostname() + " (" + report.os() + ")");
        if (!quiet) {
            int width = report.results().stream().mapToInt(r -> r.checkId().length()).max().orElse(2);
            String row = "%-" + Math.max(2, Math.min(width, 32)) + "s  %-14s  %s%n";
            out.println();
            out.printf(row, "ID", "STATUS", "TITLE / REASON");
            for (CheckResultView result : report.results()) {
                out.printf(row, result.checkId(), label(result.status()), shorten(result.title(), TITLE_WIDTH));
                if (result.reason() != null && result.status() != CheckStatus.PASSED
                        && result.status() != CheckStatus.FAILED) {
                    out.printf(row, "", "", "-> " + shorten(result.reason(), REASON_WIDTH));
                }
            }
        }
        ScanSummary summary = report.summary();
        Duration took = Duration.between(report.startedAt(), report.finishedAt());
        out.println();
        out.printf("Checks: %d  passed %d  failed %d  not applicable %d  error %d  not run %d%n", summary.total(),
                summary.passed(), summary.failed(), summary.notApplicable(), summary.error(), summary.notRun());
        if (summary.passed() + summary.failed() == 0) {
            out.printf("Score:  none  (no check passed or failed)   took %d ms%n", took.toMillis());
        } else {
            out.printf("Score:  %.1f%%  (passed / (passed + failed))   took %d ms%n", summary.score(), took.toMillis());
        }
    }

    static String label(CheckStatus status) {
        return status.name().replace('_', ' ');
    }

    private static String shorten(String text, int width) {
        if (text == null) {
            return "";
        }
        String line = text.replace('\n', ' ');
        return line.length() <= width ? line : line.substring(0, width - 3) + "...";
    }
}
