package org.caart.feed.control;

import org.caart.feed.entity.FeedItem;

/** One sentence per feed event, for a SIEM's message column. */
final class Messages {

    private Messages() {
    }

    static String text(FeedItem e) {
        String on = e.hostname() == null ? "" : " on " + e.hostname();
        return switch (e.type()) {
            case "check.changed" -> "Check " + e.checkId() + on + ": " + (e.before() == null ? "first result"
                    : e.before()) + " -> " + e.after() + " (" + e.subject() + ")";
            case "check.state" -> "Check " + e.checkId() + on + " is " + e.after() + " (" + e.subject() + ")";
            case "exception.granted" -> "Exception granted for " + e.subject();
            case "exception.expired" -> "Exception expired for " + e.subject();
            case "exception.reopened" -> "Exception reopened for " + e.subject();
            case "remediation.applied" -> "Remediation of " + e.checkId() + on + ": " + e.after();
            case "remediation.rolled-back" -> "Remediation of " + e.checkId() + on + " rolled back: " + e.after();
            case "device.overdue" -> "Device " + e.subject() + " is overdue for patches";
            case "agent.stale" -> "Agent" + on + " has not reported since " + e.detail();
            default -> e.type() + ": " + e.subject();
        };
    }
}
