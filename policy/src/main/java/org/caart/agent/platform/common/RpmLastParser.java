package org.caart.agent.platform.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the output of {@code rpm -qa --last}: a package and its install time per line, newest first, e.g.
 * {@code kernel-5.14.0-362.8.1.el9_3.x86_64   Mon 10 Nov 2025 09:12:33 AM UTC} (rpm 4.14+) or
 * {@code openssl-1.0.2k-26.el7_9.x86_64   Mon Nov 10 09:12:33 2025} (the C locale's {@code %c}). The newest install
 * date is the last patch date. Month names are English: the agent runs rpm with {@code LC_ALL=C}.
 */
public final class RpmLastParser {

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    /** "Mon 10 Nov 2025 09:12:33 AM UTC": weekday, day, month, year. */
    private static final Pattern DAY_FIRST = Pattern.compile("^\\p{L}+\\.?,?\\s+(\\d{1,2})\\s+(\\p{L}{3})\\p{L}*\\.?\\s+(\\d{4})\\b");
    /** "Mon Nov 10 09:12:33 2025" or "Mon Nov 10 09:12:33 UTC 2025": weekday, month, day, time, year. */
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "^\\p{L}+\\s+(\\p{L}{3})\\p{L}*\\s+(\\d{1,2})\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s+\\S+)?\\s+(\\d{4})\\s*$");

    private RpmLastParser() {
    }

    public static Optional<LocalDate> newest(Stream<String> lines) {
        LocalDate newest = null;
        for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
            String[] packageAndDate = it.next().strip().split("\\s+", 2);
            if (packageAndDate.length == 2) {
                newest = LastPatch.newer(newest, date(packageAndDate[1]));
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The date of an rpm install time, or null when it is in neither format. */
    static LocalDate date(String text) {
        Matcher dayFirst = DAY_FIRST.matcher(text);
        if (dayFirst.find()) {
            return of(dayFirst.group(3), dayFirst.group(2), dayFirst.group(1));
        }
        Matcher monthFirst = MONTH_FIRST.matcher(text);
        if (monthFirst.find()) {
            return of(monthFirst.group(3), monthFirst.group(1), monthFirst.group(2));
        }
        return null;
    }

    private static LocalDate of(String year, String month, String day) {
        int number = MONTHS.indexOf(month.toLowerCase(Locale.ROOT));
        try {
            return number < 0 ? null : LocalDate.of(Integer.parseInt(year), number + 1, Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
