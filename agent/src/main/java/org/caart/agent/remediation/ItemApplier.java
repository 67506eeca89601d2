package org.caart.agent.remediation;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.caart.agent.check.Outcome;
import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationFlag;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.CheckStatus;

/**
 * Applies one planned item: journal the before values (forced to disk), change, dead-man check for remote access,
 * settle, re-check. A change that cannot be made, that cuts the server off or that the re-check does not confirm is
 * put back at once.
 */
final class ItemApplier {

    private final Journal journal;
    private final HostContext host;
    private final RemediationSettings settings;
    private final ServerProbe probe;
    private final Clock clock;
    private final Pause pause;

    ItemApplier(Journal journal, HostContext host, RemediationSettings settings, ServerProbe probe, Clock clock,
                Pause pause) {
        this.journal = journal;
        this.host = host;
        this.settings = settings;
        this.probe = probe;
        this.clock = clock;
        this.pause = pause;
    }

    void apply(OrderProgress progress, Planned planned, boolean ordered) {
        Set<RemediationFlag> extra = ordered ? EnumSet.of(RemediationFlag.ORDERED)
                : EnumSet.noneOf(RemediationFlag.class);
        if (planned.fix() != null && (!planned.fix().settle().isZero() || !settings.settle().isZero())) {
            extra.add(RemediationFlag.SETTLE_TIME);
        }
        RemediationItemReport queued = progress.item(planned.item().itemId());
        if (planned.fix() == null || !planned.needed()) {
            RemediationItemState state = planned.needed() ? RemediationItemState.MANUAL
                    : RemediationItemState.NOT_NEEDED;
            progress.update(ItemReports.planned(queued, planned, state, extra, progress.now()), false);
            return;
        }
        Fix fix = planned.fix();
        RemediationItemReport base = ItemReports.planned(queued, planned, RemediationItemState.QUEUED, extra,
                progress.now());
        boolean remote = fix.flags().contains(RemediationFlag.REMOTE_ACCESS);
        if (remote && probe == null) {
            fail(progress, base, "not changed: it touches remote access and no dead-man check is possible (the agent"
                    + " is not enrolled with a server, and no --probe-url was given)");
            return;
        }
        List<Saved> before;
        try {
            before = fix.capture();
        } catch (RuntimeException e) {
            fail(progress, base, "not changed: " + e.getMessage());
            return;
        }
        journal.append(JournalEntry.before(progress.now(), progress.order().orderId(), queued.itemId(), fix.kind(),
                before));
        String beforeText = ItemReports.describe(before);
        progress.update(ItemReports.with(base, RemediationItemState.APPLYING, beforeText, null, null, progress.now()),
                true);
        try {
            fix.apply();
        } catch (RuntimeException e) {
            revert(progress, base, planned, fix.kind(), before, RemediationItemState.FAILED,
                    "could not apply: " + e.getMessage() + "; the before value was put back");
            return;
        }
        if (remote && !DeadMan.confirm(probe, settings.deadMan(), clock, pause)) {
            revert(progress, base, planned, fix.kind(), before, RemediationItemState.ROLLED_BACK, "dead-man check: the"
                    + " server could not be reached within " + settings.deadMan().toSeconds() + " s after the change;"
                    + " the agent put the before value back");
            return;
        }
        Duration settle = fix.settle().compareTo(settings.settle()) > 0 ? fix.settle() : settings.settle();
        if (!settle.isZero()) {
            pause.sleep(settle);
        }
        Outcome after = evaluate(planned);
        if (after.status() != CheckStatus.PASSED) {
            revert(progress, base, planned, fix.kind(), before, RemediationItemState.FAILED, "the re-check "
                    + after.status() + (after.reason() == null ? "" : " (" + after.reason() + ")")
                    + "; the change was put back");
            return;
        }
        boolean reboot = fix.flags().contains(RemediationFlag.NEEDS_REBOOT);
        progress.update(ItemReports.with(base, reboot ? RemediationItemState.NEEDS_REBOOT : RemediationItemState.FIXED,
                beforeText, after.observed(), reboot ? "set and re-checked; takes full effect after a restart" : null,
                progress.now()), true);
    }

    private void revert(OrderProgress progress, RemediationItemReport base, Planned planned, FixKind kind,
                        List<Saved> before, RemediationItemState state, String message) {
        String beforeText = ItemReports.describe(before);
        try {
            Restorer.restore(host, kind, before);
        } catch (RuntimeException e) {
            progress.update(ItemReports.with(base, RemediationItemState.FAILED, beforeText, null, message.replace(
                    "put back", "kept") + "; putting the before value back failed: " + e.getMessage()
                    + " (order a rollback once the cause is fixed)", progress.now()), true);
            return;
        }
        progress.update(ItemReports.with(base, state, beforeText, evaluate(planned).observed(), message,
                progress.now()), false);
    }

    private void fail(OrderProgress progress, RemediationItemReport base, String message) {
        progress.update(ItemReports.with(base, RemediationItemState.FAILED, null, null, message, progress.now()),
                false);
    }

    private Outcome evaluate(Planned planned) {
        boolean commands = planned.policy().commandsAllowed(settings.allowServerCommands());
        return planned.check().evaluate(host.freshHost(commands));
    }
}
