package org.caart.agent.remediation;

import org.caart.agent.check.Check;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;

/** Rolls one item back: the before values journaled when the original order changed it, then a re-check. */
final class ItemRollback {

    private final HostContext host;
    private final RemediationSettings settings;

    ItemRollback(HostContext host, RemediationSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    void rollback(OrderProgress progress, RemediationItemReport queued, JournalHistory.ItemRecord change,
                  JournalHistory history, RemediationPolicy policy, Check check) {
        String before = ItemReports.describe(change.before());
        RemediationItemReport base = new RemediationItemReport(queued.itemId(), queued.checkId(), queued.policyId(),
                RemediationItemState.APPLYING, change.kind(), change.last().after(), change.last().before(), before,
                null, null, change.last().flags(), null, progress.now());
        progress.update(base, false);
        try {
            Restorer.restore(host, change.kind(), change.before(), file -> history.creation(file, change.seq()));
        } catch (RuntimeException e) {
            progress.update(ItemReports.with(base, RemediationItemState.FAILED, null, null, "could not put the before"
                    + " value back: " + e.getMessage(), progress.now()), false);
            return;
        }
        String after = check == null ? null
                : check.evaluate(host.freshHost(policy.commandsAllowed(settings.allowServerCommands()))).observed();
        progress.update(ItemReports.with(base, RemediationItemState.ROLLED_BACK, null, after, "the before value is"
                + " back", progress.now()), false);
    }
}
