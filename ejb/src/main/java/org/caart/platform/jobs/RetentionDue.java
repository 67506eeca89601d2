package org.caart.platform.jobs;

import java.util.ArrayList;
import java.util.List;

/**
 * Fired once a day (job {@code outbox-retention}) in the job's transaction: each component that keeps rows only for
 * a while removes its stale ones and says what it removed; the ledger row joins those sentences in observer order
 * ({@code @Priority}).
 */
public final class RetentionDue {

    private final List<String> removed = new ArrayList<>();

    public void removed(String what) {
        removed.add(what);
    }

    String summary() {
        return String.join(", ", removed);
    }
}
