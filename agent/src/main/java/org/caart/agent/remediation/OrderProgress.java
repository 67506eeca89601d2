package org.caart.agent.remediation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.caart.contract.agent.v1.RemediationItemOrder;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationReportView;

/**
 * The items of one order as they change: each change is journaled, then reported with every item's latest state
 * ({@link RemediationReportView}, sequence rising across restarts).
 */
final class OrderProgress {

    private final RemediationOrderView order;
    private final Journal journal;
    private final Clock clock;
    private final Consumer<RemediationReportView> reports;
    private final boolean allowed;
    private final Map<String, RemediationItemReport> items = new LinkedHashMap<>();
    private int sequence;

    OrderProgress(RemediationOrderView order, Journal journal, Clock clock, Consumer<RemediationReportView> reports,
                  boolean allowed, int sequence) {
        this.order = order;
        this.journal = journal;
        this.clock = clock;
        this.reports = reports;
        this.allowed = allowed;
        this.sequence = sequence;
        for (RemediationItemOrder item : order.items()) {
            items.put(item.itemId(), new RemediationItemReport(item.itemId(), item.checkId(), item.policyId(),
                    RemediationItemState.QUEUED, null, null, null, null, null, null, List.of(), null, now()));
        }
    }

    RemediationOrderView order() {
        return order;
    }

    String now() {
        return clock.instant().toString();
    }

    RemediationItemReport item(String itemId) {
        return items.get(itemId);
    }

    /** Takes a journaled state without journaling it again (recovery). */
    void known(RemediationItemReport report) {
        items.put(report.itemId(), report);
    }

    /** Journals the item's new state (forced to disk), then reports the order. */
    void update(RemediationItemReport report, boolean inPlace) {
        items.put(report.itemId(), report);
        journal.append(JournalEntry.item(now(), order.orderId(), report, inPlace));
        send(false, null);
    }

    RemediationReportView send(boolean finished, String message) {
        RemediationReportView report = new RemediationReportView(java.util.UUID.randomUUID().toString(),
                order.orderId(), order.action(), ++sequence, finished, allowed, message,
                        new ArrayList<>(items.values()));
        reports.accept(report);
        return report;
    }

    /** The order as it stands, without reporting it. */
    RemediationReportView snapshot(boolean finished) {
        return new RemediationReportView(null, order.orderId(), order.action(), sequence, finished, allowed, null,
                new ArrayList<>(items.values()));
    }

    /** Ends the order in the journal and sends the last report. */
    RemediationReportView finish(String message) {
        journal.append(JournalEntry.end(now(), order.orderId(), message));
        return send(true, message);
    }
}
