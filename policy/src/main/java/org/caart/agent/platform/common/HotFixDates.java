package org.caart.agent.platform.common;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code Win32_QuickFixEngineering.InstalledOn}, which Windows fills inconsistently: usually {@code M/d/yyyy}
 * ("3/14/2024"), on some hosts {@code yyyyMMdd}, and for some updates a FILETIME as 16 hex digits
 * ("01da762d8a4b1c00"). Empty and anything else is unreadable.
 */
public final class HotFixDates {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT));
    private static final Pattern FILETIME = Pattern.compile("\\p{XDigit}{16}");

    private HotFixDates() {
    }

    /** The install day, the FILETIME form taken in the given zone; empty when blank or unreadable. */
    public static Optional<LocalDate> installedOn(String value, ZoneId zone) {
        String text = value == null ? "" : value.strip();
        if (FILETIME.matcher(text).matches()) {
            long ticks = Long.parseUnsignedLong(text, 16);
            return Optional.of(WindowsPatches.fileTimeDate(ticks >>> 32, ticks & 0xFFFFFFFFL, zone));
        }
        for (DateTimeFormatter format : FORMATS) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeParseException e) {
                // not this format: try the next one
            }
        }
        return Optional.empty();
    }
}
