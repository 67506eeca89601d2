package org.caart.agent.command;

import java.io.PrintStream;

import org.caart.agent.ExitCode;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationReportView;

/** A remediation report for people: one block per check, then the counts; and its exit code. */
final class RemediationTable {

    private RemediationTable() {
    }

    static void print(RemediationReportView report, PrintStream out) {
        if (report.message() != null) {
            out.println(report.message());
        }
        items(report, out);
        long fixed = count(report, RemediationItemState.FIXED) + count(report, RemediationItemState.NEEDS_REBOOT);
        out.printf("%s %s: %d items, %d fixed, %d planned, %d not needed, %d manual, %d failed, %d rolled back%n",
                report.action(), report.orderId(), report.items().size(), fixed,
                count(report, RemediationItemState.PLANNED), count(report, RemediationItemState.NOT_NEEDED),
                count(report, RemediationItemState.MANUAL), count(report, RemediationItemState.FAILED),
                count(report, RemediationItemState.ROLLED_BACK));
    }

    static void items(RemediationReportView report, PrintStream out) {
        for (RemediationItemReport item : report.items()) {
            out.printf("  %-40s %-12s %s%n", item.checkId(), item.state(), item.fixKind() == null ? ""
                    : item.fixKind());
            line(out, "observed", item.observed());
            line(out, "sets", item.target());
            line(out, "before", item.before());
            line(out, "after", item.after());
            if (!item.flags().isEmpty()) {
                line(out, "flags", item.flags().toString());
            }
            line(out, "note", item.message());
            line(out, "manual", item.manualText());
        }
    }

    static ExitCode exitCode(RemediationReportView report) {
        if (report.items().stream().anyMatch(i -> i.state() == RemediationItemState.REFUSED)) {
            return report.remediationAllowed() ? ExitCode.USAGE : ExitCode.REFUSED;
        }
        if (count(report, RemediationItemState.FAILED) > 0) {
            return ExitCode.FAILED;
        }
        return count(report, RemediationItemState.MANUAL) > 0 ? ExitCode.INCOMPLETE : ExitCode.OK;
    }

    private static long count(RemediationReportView report, RemediationItemState state) {
        return report.items().stream().filter(i -> i.state() == state).count();
    }

    private static void line(PrintStream out, String label, String text) {
        if (text != null && !text.isBlank()) {
            String shown = text.length() > 300 ? text.substring(0, 300) + "..." : text;
            out.printf("      %-9s %s%n", label + ":", shown.replace("\n", " | "));
        }
    }
}
