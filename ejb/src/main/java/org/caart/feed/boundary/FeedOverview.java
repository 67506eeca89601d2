package org.caart.feed.boundary;

import java.util.List;

/** A company's feed: on or off, the daily snapshot, its newest number and its destinations. */
public record FeedOverview(long companyId, boolean enabled, boolean snapshotDaily, long latestSeq,
        List<DestinationState> destinations) {
}
