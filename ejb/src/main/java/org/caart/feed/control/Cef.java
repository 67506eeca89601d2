package org.caart.feed.control;

import java.util.Locale;
import org.caart.feed.entity.FeedItem;

/**
 * A feed event in ArcSight's Common Event Format: {@code CEF:0|CAaRT|CAaRT|version|type|name|severity|extension},
 * header fields escaped for {@code |} and {@code \}, extension values for {@code \}, {@code =} and line breaks.
 * The sequence number is {@code cn1} (label {@code sequence}); mapping in docs/reports.md.
 */
public final class Cef {

    private Cef() {
    }

    public static String of(FeedItem e, String productVersion) {
        StringBuilder s = new StringBuilder(384).append("CEF:0|CAaRT|CAaRT|").append(header(productVersion))
                .append('|').append(header(e.type())).append('|').append(header(Messages.text(e))).append('|')
                .append(severity(e.severity())).append('|');
        s.append("rt=").append(e.occurredAt().toInstant().toEpochMilli());
        ext(s, "externalId", "caart-" + e.companyId() + "-" + e.seq());
        ext(s, "cn1Label", "sequence");
        ext(s, "cn1", String.valueOf(e.seq()));
        ext(s, "cs1Label", "company");
        ext(s, "cs1", String.valueOf(e.companyId()));
        ext(s, "dvchost", e.hostname());
        if (e.endpointId() != null) {
            ext(s, "cs2Label", "endpoint");
            ext(s, "cs2", String.valueOf(e.endpointId()));
        }
        if (e.policy() != null) {
            ext(s, "cs3Label", "policy");
            ext(s, "cs3", e.policy());
        }
        if (e.checkId() != null) {
            ext(s, "cs4Label", "check");
            ext(s, "cs4", e.checkId());
        }
        if (e.before() != null) {
            ext(s, "cs5Label", "before");
            ext(s, "cs5", e.before());
        }
        if (e.after() != null) {
            ext(s, "cs6Label", "after");
            ext(s, "cs6", e.after());
        }
        ext(s, "cat", e.type());
        ext(s, "msg", e.subject() + (e.detail() == null ? "" : ": " + e.detail()));
        return s.toString();
    }

    /** CEF severity 0-10. */
    static int severity(String severity) {
        return switch (severity == null ? "" : severity.toLowerCase(Locale.ROOT)) {
            case "low" -> 3;
            case "medium" -> 5;
            case "high" -> 8;
            case "critical" -> 10;
            default -> 1;
        };
    }

    static String severityName(String severity) {
        return switch (severity == null ? "" : severity.toLowerCase(Locale.ROOT)) {
            case "low" -> "Low";
            case "medium" -> "Medium";
            case "high" -> "High";
            case "critical" -> "Critical";
            default -> "Informational";
        };
    }

    static String header(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ")
                .replace("\n", " ");
    }

    static String value(String value) {
        return value.replace("\\", "\\\\").replace("=", "\\=").replace("\r\n", "\\n").replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    private static void ext(StringBuilder s, String key, String value) {
        if (value != null) {
            s.append(' ').append(key).append('=').append(value(value));
        }
    }
}
