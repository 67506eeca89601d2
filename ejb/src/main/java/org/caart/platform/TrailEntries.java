package org.caart.platform;

import java.util.List;

/**
 * Many {@link TrailEntry}s of one action at once (a daily check reporting every newly overdue device), stored by the
 * trail component set-based, in the firing transaction.
 */
public record TrailEntries(List<TrailEntry> entries) {
}
