package org.caart.agent.remediation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.caart.agent.check.Check;
import org.caart.agent.check.PolicyException;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationFlag;
import org.caart.contract.agent.v1.RemediationItemOrder;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationReportView;

/**
 * Carries out remediation orders on this host, one at a time: refuses them where {@code allow-remediation} is
 * off or when an item names an unknown policy or check (nothing changes then), plans, applies (in the order of
 * {@link OrderingRules}) or rolls back, journaling every step, and reports each change of an item's state to
 * {@code reports}. An order id it has journaled is never carried out twice.
 */
public final class Remediator {

    /** The policies and checks of an order's items, or the problems that make it invalid. */
    record Resolved(Map<String, RemediationPolicy> policies, Map<String, Check> checks, List<String> problems) {
    }

    private final Journal journal;
    private final Function<String, HostContext> hosts;
    private final RemediationSettings settings;
    private final ServerProbe probe;
    private final Clock clock;
    private final Pause pause;
    private final Consumer<RemediationReportView> reports;
    private final FixCatalog catalog;

    /**
     * {@code hosts} makes the host context for a root ("/" or a fixture folder); {@code probe} may be null (then
     * changes to remote access are refused).
     */
    public Remediator(Journal journal, Function<String, HostContext> hosts, RemediationSettings settings,
                      ServerProbe probe, Clock clock, Pause pause, Consumer<RemediationReportView> reports,
                      CatalogEntries entries) {
        this.catalog = new FixCatalog(entries);
        this.journal = journal;
        this.hosts = hosts;
        this.settings = settings;
        this.probe = probe;
        this.clock = clock;
        this.pause = pause;
        this.reports = reports;
    }

    public synchronized RemediationReportView execute(RemediationOrderView order, String root, String origin) {
        try (Journal.Lock lock = journal.exclusive()) {
            return executeLocked(order, root, origin);
        }
    }

    private RemediationReportView executeLocked(RemediationOrderView order, String root, String origin) {
        Optional<JournalHistory.OrderRecord> known = journal.history().order(order.orderId());
        if (known.isPresent()) {
            return repeat(known.get());
        }
        boolean changes = order.action() != RemediationAction.PLAN;
        Resolved resolved = resolve(order);
        journal.append(JournalEntry.order(clock.instant().toString(), order, root, origin));
        OrderProgress progress = new OrderProgress(order, journal, clock, reports, settings.allowRemediation(), 1);
        if (changes && !settings.allowRemediation()) {
            return refuse(progress, "this host does not allow remediation: set allow-remediation=true in the agent's"
                    + " agent.properties (or enroll with --allow-remediation)");
        }
        if (!resolved.problems().isEmpty()) {
            return refuse(progress, "invalid order, nothing was changed: " + String.join("; ", resolved.problems()));
        }
        progress.send(false, null);
        HostContext host = hosts.apply(root);
        switch (order.action()) {
            case PLAN -> plan(progress, order.items(), resolved, host);
            case APPLY -> apply(progress, order.items(), resolved, host);
            case ROLLBACK -> rollback(progress, order.items(), resolved, host);
        }
        return progress.finish(null);
    }

    /** Finishes or reverts the orders the journal shows unfinished (the agent was stopped in them). */
    public synchronized List<RemediationReportView> recover() {
        try (Journal.Lock lock = journal.exclusive()) {
            return new Recovery(this, journal, settings).recover();
        }
    }

    /**
     * A ROLLBACK order for what order {@code original} changed: the given checks, or every item of it when none are
     * given. Empty when the journal does not know the order.
     */
    public Optional<RemediationOrderView> rollbackOrder(String original, List<String> checks) {
        return journal.history().order(original).map(record -> new RemediationOrderView(
                java.util.UUID.randomUUID().toString(), RemediationAction.ROLLBACK, original,
                record.order().items().stream().filter(i -> checks.isEmpty() || checks.contains(i.checkId())).toList(),
                record.order().policies()));
    }

    /** The orders in the journal, oldest first, with their latest item states. */
    public List<RemediationReportView> orders() {
        return journal.history().all().stream().map(record -> {
            RemediationReportView last = progress(record).snapshot(record.ended());
            return last;
        }).toList();
    }

    /** The root an order of the journal changed ("/" or a fixture folder). */
    public Optional<String> root(String orderId) {
        return journal.history().order(orderId).map(JournalHistory.OrderRecord::root);
    }

    Resolved resolve(RemediationOrderView order) {
        Map<String, RemediationPolicy> policies = new LinkedHashMap<>();
        Map<String, Check> checks = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        RemediationPolicies sources = new RemediationPolicies(order.policies());
        Set<String> ids = new HashSet<>();
        if (order.orderId() == null || order.orderId().isBlank() || order.action() == null) {
            problems.add("the order has no id or no action");
        }
        for (RemediationItemOrder item : order.items()) {
            if (item.itemId() == null || !ids.add(item.itemId())) {
                problems.add("item ids must be present and distinct (" + item.itemId() + ")");
                continue;
            }
            try {
                RemediationPolicy policy = sources.resolve(item.policyId());
                Optional<Check> check = item.checkId() == null ? Optional.empty() : policy.check(item.checkId());
                if (check.isEmpty() && order.action() != RemediationAction.ROLLBACK) {
                    problems.add("policy " + item.policyId() + " has no check '" + item.checkId() + "'");
                    continue;
                }
                policies.put(item.itemId(), policy);
                check.ifPresent(c -> checks.put(item.itemId(), c));
            } catch (PolicyException e) {
                if (order.action() != RemediationAction.ROLLBACK) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (order.action() == RemediationAction.ROLLBACK && (order.rollbackOf() == null
                || journal.history().order(order.rollbackOf()).isEmpty())) {
            problems.add("this host's journal has no order '" + order.rollbackOf() + "' to roll back");
        }
        return new Resolved(policies, checks, problems);
    }

    /** Reports each item as an APPLY would find it, in the order it would apply them, changing nothing. */
    void plan(OrderProgress progress, List<RemediationItemOrder> items, Resolved resolved, HostContext host) {
        List<Planned> planned = items.stream().map(item -> planned(item, resolved, host)).toList();
        Set<String> ordered = new HashSet<>();
        for (Planned item : OrderingRules.order(planned, ordered)) {
            RemediationItemState state = item.fix() == null && item.needed() ? RemediationItemState.MANUAL
                    : item.needed() ? RemediationItemState.PLANNED : RemediationItemState.NOT_NEEDED;
            Set<RemediationFlag> extra = EnumSet.noneOf(RemediationFlag.class);
            if (ordered.contains(item.item().itemId())) {
                extra.add(RemediationFlag.ORDERED);
            }
            if (item.fix() != null && !settings.settle().isZero()) {
                extra.add(RemediationFlag.SETTLE_TIME);
            }
            progress.update(ItemReports.planned(progress.item(item.item().itemId()), item, state, extra,
                    progress.now()), false);
        }
    }

    void apply(OrderProgress progress, List<RemediationItemOrder> items, Resolved resolved, HostContext host) {
        List<Planned> planned = items.stream().map(item -> planned(item, resolved, host)).toList();
        Set<String> ordered = new HashSet<>();
        ItemApplier applier = new ItemApplier(journal, host, settings, probe, clock, pause);
        for (Planned item : OrderingRules.order(planned, ordered)) {
            applier.apply(progress, item, ordered.contains(item.item().itemId()));
        }
    }

    void rollback(OrderProgress progress, List<RemediationItemOrder> items, Resolved resolved, HostContext host) {
        JournalHistory history = journal.history();
        String original = progress.order().rollbackOf();
        List<String> applied = history.order(original).map(o -> o.items().values().stream()
                .filter(i -> i.last() != null).map(i -> i.last().checkId()).toList()).orElse(List.of());
        List<RemediationItemOrder> reversed = new ArrayList<>(items);
        reversed.sort((a, b) -> Integer.compare(applied.indexOf(b.checkId()), applied.indexOf(a.checkId())));
        for (RemediationItemOrder item : reversed) {
            RemediationItemReport queued = progress.item(item.itemId());
            Optional<JournalHistory.ItemRecord> change = history.changeInPlace(original, item.checkId());
            if (change.isEmpty()) {
                progress.update(ItemReports.with(queued, RemediationItemState.NOT_NEEDED, null, null, "order "
                        + original
                        + " left no change of this check in place", progress.now()), false);
                continue;
            }
            new ItemRollback(host, settings).rollback(progress, queued, change.get(), history,
                    resolved.policies().get(item.itemId()), resolved.checks().get(item.itemId()));
        }
    }

    private Planned planned(RemediationItemOrder item, Resolved resolved, HostContext host) {
        return catalog.plan(item, resolved.policies().get(item.itemId()), resolved.checks().get(item.itemId()), host,
                settings);
    }

    HostContext host(String root) {
        return hosts.apply(root);
    }

    OrderProgress progress(JournalHistory.OrderRecord record) {
        OrderProgress progress = new OrderProgress(record.order(), journal, clock, reports, settings.allowRemediation(),
                record.entries());
        record.items().values().stream().filter(i -> i.last() != null).forEach(i -> progress.known(i.last()));
        return progress;
    }

    private RemediationReportView refuse(OrderProgress progress, String message) {
        for (RemediationItemOrder item : progress.order().items()) {
            RemediationItemReport queued = progress.item(item.itemId());
            if (queued != null) {
                progress.known(ItemReports.with(queued, RemediationItemState.REFUSED, null, null, message,
                        progress.now()));
            }
        }
        return progress.finish(message);
    }

    private RemediationReportView repeat(JournalHistory.OrderRecord record) {
        return progress(record).send(record.ended(), record.ended() ? null : "the order is under way");
    }
}
