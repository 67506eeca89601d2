package org.caart.agent.remediation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationOrderView;

/** The journal replayed: every order with its items' before values and latest states. */
final class JournalHistory {

    /**
     * One item: its before values (null when nothing was captured), latest report, whether its change is in place,
     * and {@code seq}, the journal line of its before values (later changes have higher numbers).
     */
    record ItemRecord(String orderId, String itemId, FixKind kind, List<Saved> before, RemediationItemReport last,
                      boolean inPlace, int seq) {

        /** Captured, and not finished: the agent stopped while it was being changed. */
        boolean interrupted() {
            return before != null && (last == null || !last.state().terminal());
        }
    }

    /** One order; {@code entries} counts its journal lines (the next report's sequence). */
    record OrderRecord(RemediationOrderView order, String root, String origin, Map<String, ItemRecord> items,
                       boolean ended, int entries) {
    }

    private final Map<String, OrderRecord> orders;

    private JournalHistory(Map<String, OrderRecord> orders) {
        this.orders = orders;
    }

    static JournalHistory replay(List<JournalEntry> entries) {
        Map<String, OrderRecord> orders = new LinkedHashMap<>();
        int line = 0;
        for (JournalEntry entry : entries) {
            line++;
            OrderRecord order = orders.get(entry.orderId());
            if (entry.type().equals(JournalEntry.ORDER)) {
                orders.put(entry.orderId(), new OrderRecord(entry.order(), entry.root(), entry.origin(),
                        new LinkedHashMap<>(), false, 1));
                continue;
            }
            if (order == null) {
                continue;
            }
            Map<String, ItemRecord> items = order.items();
            ItemRecord item = entry.itemId() == null ? null : items.get(entry.itemId());
            switch (entry.type()) {
                case JournalEntry.BEFORE -> items.put(entry.itemId(), new ItemRecord(entry.orderId(), entry.itemId(),
                        entry.kind(), entry.before(), item == null ? null : item.last(), item != null && item.inPlace(),
                        line));
                case JournalEntry.ITEM -> items.put(entry.itemId(), new ItemRecord(entry.orderId(), entry.itemId(),
                        item == null ? null : item.kind(), item == null ? null : item.before(), entry.item(),
                        Boolean.TRUE.equals(entry.inPlace()), item == null ? line : item.seq()));
                default -> {
                }
            }
            orders.put(entry.orderId(), new OrderRecord(order.order(), order.root(), order.origin(), items,
                    order.ended() || entry.type().equals(JournalEntry.END), order.entries() + 1));
        }
        return new JournalHistory(orders);
    }

    Optional<OrderRecord> order(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    List<OrderRecord> unfinished() {
        return orders.values().stream().filter(o -> !o.ended()).toList();
    }

    List<OrderRecord> all() {
        return new ArrayList<>(orders.values());
    }

    /**
     * How file {@code fileKey} was captured the last time it did not exist, up to journal line {@code seq}: the change
     * that created it, with the folders made for it; empty when it existed all along.
     */
    Optional<Saved> creation(String fileKey, int seq) {
        Saved found = null;
        int at = -1;
        for (OrderRecord order : orders.values()) {
            for (ItemRecord item : order.items().values()) {
                if (item.before() == null || item.seq() > seq || item.seq() < at) {
                    continue;
                }
                for (Saved saved : item.before()) {
                    if (saved.kind().equals("file") && saved.key().equals(fileKey) && !saved.present()) {
                        found = saved;
                        at = item.seq();
                    }
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** The item of order {@code orderId} that changed check {@code checkId}, when its change is still in place. */
    Optional<ItemRecord> changeInPlace(String orderId, String checkId) {
        Optional<ItemRecord> item = order(orderId).flatMap(o -> o.items().values().stream()
                .filter(i -> i.last() != null && checkId.equals(i.last().checkId()) && i.before() != null).findFirst());
        if (item.isEmpty() || !item.get().inPlace()) {
            return Optional.empty();
        }
        boolean undone = orders.values().stream().anyMatch(o -> o.order().action() == RemediationAction.ROLLBACK
                && orderId.equals(o.order().rollbackOf()) && o.items().values().stream().anyMatch(i -> i.last() != null
                && checkId.equals(i.last().checkId()) && i.last().state() == RemediationItemState.ROLLED_BACK));
        return undone ? Optional.empty() : item;
    }
}
