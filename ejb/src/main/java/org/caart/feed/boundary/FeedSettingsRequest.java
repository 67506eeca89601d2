package org.caart.feed.boundary;

/** The company's feed switched on or off, and whether a full snapshot of the current results is added daily. */
public record FeedSettingsRequest(Boolean enabled, Boolean snapshotDaily) {
}
