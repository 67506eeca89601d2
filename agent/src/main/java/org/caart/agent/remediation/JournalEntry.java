package org.caart.agent.remediation;

import java.util.List;

import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationOrderView;

/**
 * One line of the remediation journal (JSON). {@code type} is
 * <ul>
 * <li>ORDER: an order was taken ({@code order}, the {@code root} it changes, {@code origin} "server" or "cli");</li>
 * <li>BEFORE: the before values of one item ({@code itemId}, {@code kind}, {@code before}), written and forced to
 * disk before the change starts;</li>
 * <li>ITEM: an item's new state ({@code item}, the report as sent) and whether the item's change is now in place on
 * the host ({@code inPlace});</li>
 * <li>END: the order is done ({@code message}).</li>
 * </ul>
 */
record JournalEntry(String type, String at, String orderId, RemediationOrderView order, String root, String origin,
                    String itemId, FixKind kind, List<Saved> before, RemediationItemReport item, Boolean inPlace,
                    String message) {

    static final String ORDER = "ORDER";
    static final String BEFORE = "BEFORE";
    static final String ITEM = "ITEM";
    static final String END = "END";

    static JournalEntry order(String at, RemediationOrderView order, String root, String origin) {
        return new JournalEntry(ORDER, at, order.orderId(), order, root, origin, null, null, null, null, null, null);
    }

    static JournalEntry before(String at, String orderId, String itemId, FixKind kind, List<Saved> before) {
        return new JournalEntry(BEFORE, at, orderId, null, null, null, itemId, kind, before, null, null, null);
    }

    static JournalEntry item(String at, String orderId, RemediationItemReport item, boolean inPlace) {
        return new JournalEntry(ITEM, at, orderId, null, null, null, item.itemId(), null, null, item, inPlace, null);
    }

    static JournalEntry end(String at, String orderId, String message) {
        return new JournalEntry(END, at, orderId, null, null, null, null, null, null, null, null, message);
    }
}
