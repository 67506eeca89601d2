package org.caart.feed.entity;

import java.time.OffsetDateTime;

/** One numbered event of a company's feed, as read from {@code feed_event} to be sent or served. */
public record FeedItem(long seq, long companyId, OffsetDateTime occurredAt, String type, String severity,
        Long endpointId, String hostname, String policy, String checkId, String subject, String before, String after,
        String detail) {
}
