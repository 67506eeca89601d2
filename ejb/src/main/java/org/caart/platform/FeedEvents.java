package org.caart.platform;

import java.util.List;

/**
 * Feed events of one action (a completed run's changed checks, a daily check's overdue devices), stored by the
 * {@code feed} component in the firing transaction: they exist exactly when what they report happened.
 */
public record FeedEvents(List<FeedEvent> events) {
}
