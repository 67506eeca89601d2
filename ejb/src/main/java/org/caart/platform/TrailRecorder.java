package org.caart.platform;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/** Fires {@link TrailEntry} events: how a component writes to the security audit trail without knowing it. */
@Dependent
public class TrailRecorder {

    @Inject
    Event<TrailEntry> entries;

    @Inject
    Event<TrailEntries> many;

    /** Recorded as part of the caller's transaction: it exists exactly when the action happened. */
    public void record(Long companyId, Long actorId, String actor, String action, String target, String detail,
            String sourceAddress) {
        entries.fire(new TrailEntry(companyId, actorId, actor, action, target, detail, sourceAddress, false));
    }

    /** Recorded in a transaction of its own: it survives the caller's rollback. */
    public void recordRefusal(Long companyId, Long actorId, String actor, String action, String target,
            String detail, String sourceAddress) {
        entries.fire(new TrailEntry(companyId, actorId, actor, action, target, detail, sourceAddress, true));
    }

    /** Records many entries in the caller's transaction, set-based (a daily check's overdue devices). */
    public void recordAll(List<TrailEntry> all) {
        if (!all.isEmpty()) {
            many.fire(new TrailEntries(List.copyOf(all)));
        }
    }
}
