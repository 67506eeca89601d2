package org.caart.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How an instant reads for people, on pages and in mails: in the company's time zone, to the minute, with the
 * zone's name ("5 Dec 2026, 14:03 CET"). Exports and the API keep ISO-8601.
 */
public final class Times {

    /** UTC by its name ("UTC"; the offset {@code Z} would print as "Z"). */
    public static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm z", Locale.ENGLISH);

    private Times() {
    }

    /** The instant in the zone; empty for none. */
    public static String human(OffsetDateTime time, ZoneId zone) {
        return time == null ? "" : HUMAN.format(time.atZoneSameInstant(named(zone)));
    }

    public static String human(Instant time, ZoneId zone) {
        return time == null ? "" : HUMAN.format(time.atZone(named(zone)));
    }

    /** A zone id as a company stores it; UTC for none or an unknown one. */
    public static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? UTC : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return UTC;
        }
    }

    private static ZoneId named(ZoneId zone) {
        return zone == null || ZoneOffset.UTC.equals(zone) ? UTC : zone;
    }
}
