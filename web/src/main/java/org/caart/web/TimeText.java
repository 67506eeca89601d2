package org.caart.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.caart.platform.Times;

/**
 * How the history pages (dashboard, audits, comparison, endpoint page) write times: in the company's time zone, to
 * the minute, without offsets or fractions (through {@link Times#human}, as every page); and durations in words.
 */
public final class TimeText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private TimeText() {
    }

    /** "5 Dec 2026, 14:03 CET" in the zone, as every page writes a time ({@link Times#human}); empty for none. */
    public static String at(OffsetDateTime time, ZoneId zone) {
        return Times.human(time, zone);
    }

    /** "5 Dec 2026"; empty for none. */
    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** "5 Dec 14:03" in the zone, for chart axes; empty for none. */
    public static String shortAt(OffsetDateTime time, ZoneId zone) {
        return time == null ? "" : SHORT.format(time.atZoneSameInstant(zone));
    }

    /** "2 h 5 min", "3 min 12 s", "12 s"; a dash for none. */
    public static String duration(Duration duration) {
        if (duration == null) {
            return "–";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        long minutes = seconds / 60;
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
