package org.caart.agent.platform.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads dpkg's log ({@code /var/log/dpkg.log} and its rotations), one action per line:
 * {@code 2025-11-10 09:12:31 status installed libc6:amd64 2.36-9+deb12u1} or
 * {@code 2025-11-10 09:12:30 upgrade libc6:amd64 2.36-9 2.36-9+deb12u1}. The newest date of a "status installed" or
 * "upgrade" line is the last patch date; removals, configuration steps and other states do not count.
 */
public final class DpkgLogParser {

    private DpkgLogParser() {
    }

    public static Optional<LocalDate> newest(Stream<String> lines) {
        LocalDate newest = null;
        for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
            String[] words = it.next().strip().split("\\s+", 5);
            boolean patched = words.length >= 4 && (words[2].equals("upgrade")
                    || words[2].equals("status") && words[3].equals("installed"));
            if (patched) {
                newest = LastPatch.newer(newest, date(words[0]));
            }
        }
        return Optional.ofNullable(newest);
    }

    private static LocalDate date(String word) {
        try {
            return LocalDate.parse(word);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
