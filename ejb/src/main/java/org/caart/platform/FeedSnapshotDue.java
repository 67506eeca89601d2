package org.caart.platform;

import java.time.OffsetDateTime;

/**
 * A company's daily feed snapshot is due: the component that holds the current check results answers by firing
 * them as {@code check.state} {@link FeedEvents}, in the firing transaction.
 */
public record FeedSnapshotDue(long companyId, OffsetDateTime at) {
}
