package org.caart.platform;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/** Fires {@link FeedEvents}: how a component reports to the companies' SIEM feeds without knowing them. */
@Dependent
public class FeedRecorder {

    @Inject
    Event<FeedEvents> events;

    /** Part of the caller's transaction; nothing is fired for an empty list. */
    public void publish(List<FeedEvent> all) {
        if (!all.isEmpty()) {
            events.fire(new FeedEvents(List.copyOf(all)));
        }
    }

    public void publish(FeedEvent event) {
        events.fire(new FeedEvents(List.of(event)));
    }
}
