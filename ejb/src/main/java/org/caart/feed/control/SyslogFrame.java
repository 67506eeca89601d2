package org.caart.feed.control;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.caart.feed.entity.FeedItem;

/**
 * One feed event as an RFC 5424 syslog message framed by RFC 6587 octet counting ({@code LEN SP MSG}):
 * facility local0, the severity from the event's, APP-NAME {@code caart}, MSGID the event type, and the structured
 * data {@code [caart@32473 company="…" seq="…"]} (32473 is the enterprise number RFC 5612 reserves for
 * documentation: no private one is registered). The message text is the payload (CEF or OCSF JSON) in UTF-8.
 */
public final class SyslogFrame {

    static final int FACILITY_LOCAL0 = 16;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private SyslogFrame() {
    }

    public static byte[] frame(FeedItem e, String hostname, String payload) {
        byte[] message = message(e, hostname, payload).getBytes(StandardCharsets.UTF_8);
        byte[] length = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[length.length + message.length];
        System.arraycopy(length, 0, framed, 0, length.length);
        System.arraycopy(message, 0, framed, length.length, message.length);
        return framed;
    }

    static String message(FeedItem e, String hostname, String payload) {
        return "<" + (FACILITY_LOCAL0 * 8 + severity(e.severity())) + ">1 " + TIME.format(e.occurredAt()) + " "
                + token(hostname, 255) + " caart - " + token(e.type(), 32) + " [caart@32473 company=\""
                + e.companyId() + "\" seq=\"" + e.seq() + "\" type=\"" + param(e.type()) + "\"] " + payload;
    }

    /** Syslog severity: critical 2, high 3 (error), medium 4 (warning), low 5 (notice), else 6 (informational). */
    static int severity(String severity) {
        return switch (severity == null ? "" : severity.toLowerCase(Locale.ROOT)) {
            case "critical" -> 2;
            case "high" -> 3;
            case "medium" -> 4;
            case "low" -> 5;
            default -> 6;
        };
    }

    /** A header field: printable US-ASCII without spaces, at most {@code max} characters, "-" when empty. */
    static String token(String value, int max) {
        StringBuilder s = new StringBuilder();
        if (value != null) {
            for (char c : value.toCharArray()) {
                if (s.length() == max) {
                    break;
                }
                s.append(c > 32 && c < 127 ? c : '_');
            }
        }
        return s.isEmpty() ? "-" : s.toString();
    }

    static String param(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]");
    }
}
