package org.caart.platform;

import java.time.OffsetDateTime;

/**
 * Something a company's SIEM feed reports (docs/reports.md, "SIEM feed"): fired as part of a {@link FeedEvents} by
 * the component where it happened, in that component's transaction, and stored by the {@code feed} component, which
 * numbers each company's events in order and delivers them. Components never call the feed.
 *
 * @param type      what happened, one of {@link Types}
 * @param severity  the check's or the event's severity: {@code low}, {@code medium}, {@code high}, {@code critical}
 *                  or {@code info}
 * @param subject   what it is about in words (a check's title, a device's name)
 * @param before    the state before (a check's status), null when there was none
 * @param after     the state after
 * @param detail    evidence or explanation (observed value, reason)
 */
public record FeedEvent(long companyId, OffsetDateTime occurredAt, String type, String severity, Long endpointId,
        String hostname, String policy, String checkId, String subject, String before, String after, String detail) {

    /** The event types, as they appear on the wire. */
    public static final class Types {
        public static final String CHECK_CHANGED = "check.changed";
        public static final String CHECK_STATE = "check.state";
        public static final String EXCEPTION_GRANTED = "exception.granted";
        public static final String EXCEPTION_EXPIRED = "exception.expired";
        public static final String EXCEPTION_REOPENED = "exception.reopened";
        public static final String REMEDIATION_APPLIED = "remediation.applied";
        public static final String REMEDIATION_ROLLED_BACK = "remediation.rolled-back";
        public static final String DEVICE_OVERDUE = "device.overdue";
        public static final String AGENT_STALE = "agent.stale";

        private Types() {
        }
    }
}
