package org.caart.agent.remediation;

import java.util.List;
import java.util.Set;

import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationFlag;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;

/** Builds item reports: a new state with the fields that change, the rest kept. */
final class ItemReports {

    private ItemReports() {
    }

    static RemediationItemReport planned(RemediationItemReport queued, Planned planned, RemediationItemState state,
                                         Set<RemediationFlag> extra, String at) {
        Fix fix = planned.fix();
        List<RemediationFlag> flags = fix == null ? List.of()
                : java.util.stream.Stream.concat(fix.flags().stream(), extra.stream()).distinct().sorted().toList();
        String manualText = fix == null ? planned.check().info().remediation() : null;
        String message = fix == null ? planned.manual() : state == RemediationItemState.NOT_NEEDED
                ? "the check already " + planned.observed().status().name().toLowerCase().replace('_', ' ')
                        + "; nothing"
                + " to change" : null;
        return new RemediationItemReport(queued.itemId(), queued.checkId(), queued.policyId(), state,
                fix == null ? FixKind.MANUAL : fix.kind(), planned.observed().observed(), fix == null ? null
                        : fix.target(),
                null, null, message, flags, manualText, at);
    }

    static RemediationItemReport with(RemediationItemReport report, RemediationItemState state, String before,
                                      String after, String message, String at) {
        return new RemediationItemReport(report.itemId(), report.checkId(), report.policyId(), state, report.fixKind(),
                report.observed(), report.target(), before == null ? report.before() : before,
                after == null ? report.after() : after, message, report.flags(), report.manualText(), at);
    }

    static String describe(List<Saved> before) {
        return String.join("; ", before.stream().map(Saved::describe).toList());
    }
}
