package org.caart.agent.remediation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationItemOrder;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationReportView;

/**
 * After a restart: every order the journal shows unfinished is finished or reverted. An item the agent was stopped
 * in (before values journaled, no final state) is always put back first. Then, with {@code remediation-on-restart}
 * resume (the default), that item and the ones not started yet are applied; with rollback, every change of the
 * order is put back and the items not started are reported as not applied. PLAN and ROLLBACK orders are simply
 * carried on (restoring a before value twice changes nothing).
 */
final class Recovery {

    private final Remediator remediator;
    private final Journal journal;
    private final RemediationSettings settings;

    Recovery(Remediator remediator, Journal journal, RemediationSettings settings) {
        this.remediator = remediator;
        this.journal = journal;
        this.settings = settings;
    }

    List<RemediationReportView> recover() {
        List<RemediationReportView> reports = new ArrayList<>();
        for (JournalHistory.OrderRecord record : journal.history().unfinished()) {
            reports.add(recover(record));
        }
        return reports;
    }

    private RemediationReportView recover(JournalHistory.OrderRecord record) {
        OrderProgress progress = remediator.progress(record);
        HostContext host = remediator.host(record.root());
        List<JournalHistory.ItemRecord> items = new ArrayList<>(record.items().values());
        Collections.reverse(items);
        boolean rollback = settings.onRestart() == RemediationSettings.OnRestart.ROLLBACK
                && record.order().action() == RemediationAction.APPLY;
        for (JournalHistory.ItemRecord item : items) {
            if (item.interrupted() || rollback && item.inPlace()) {
                putBack(progress, host, item, rollback);
            }
        }
        List<RemediationItemOrder> open = record.order().items().stream()
                .filter(i -> !progress.item(i.itemId()).state().terminal()).toList();
        Remediator.Resolved resolved = remediator.resolve(record.order());
        if (rollback || !resolved.problems().isEmpty()) {
            String why = rollback ? "not applied: the agent was stopped during the order and remediation-on-restart"
                    + " is rollback" : "not applied after the restart: " + String.join("; ", resolved.problems());
            open.forEach(i -> progress.update(ItemReports.with(progress.item(i.itemId()), RemediationItemState.FAILED,
                    null, null, why, progress.now()), false));
            return progress.finish(rollback ? "the agent was stopped during the order; every change is put back"
                    : "the order could not be finished after the restart");
        }
        switch (record.order().action()) {
            case PLAN -> remediator.plan(progress, open, resolved, host);
            case APPLY -> remediator.apply(progress, open, resolved, host);
            case ROLLBACK -> remediator.rollback(progress, open, resolved, host);
        }
        return progress.finish("finished after the agent was restarted");
    }

    private void putBack(OrderProgress progress, HostContext host, JournalHistory.ItemRecord item, boolean rollback) {
        RemediationItemReport last = progress.item(item.itemId());
        try {
            Restorer.restore(host, item.kind(), item.before());
        } catch (RuntimeException e) {
            progress.update(ItemReports.with(last, RemediationItemState.FAILED, null, null, "the agent was stopped"
                    + " during this change and could not put the before value back: " + e.getMessage(), progress.now()),
                    true);
            return;
        }
        RemediationItemState state = rollback ? RemediationItemState.ROLLED_BACK : RemediationItemState.QUEUED;
        progress.update(ItemReports.with(last, state, null, null, rollback ? "put back after the agent was stopped"
                + " during the order" : "put back after the agent was stopped during this change; applying it again",
                progress.now()), false);
    }
}
