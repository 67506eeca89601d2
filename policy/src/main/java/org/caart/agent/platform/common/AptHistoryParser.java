package org.caart.agent.platform.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads apt's transaction log ({@code /var/log/apt/history.log} and its rotations): one block of "Key: value" lines
 * per apt run, from {@code Start-Date:} to {@code End-Date:}. The newest end date of a run that installed or upgraded
 * packages ({@code Install:} or {@code Upgrade:} lines) is the last patch date; runs that only removed packages do not
 * count. A run without an end date (interrupted) counts with its start date.
 */
public final class AptHistoryParser {

    private AptHistoryParser() {
    }

    public static Optional<LocalDate> newest(Stream<String> lines) {
        LocalDate newest = null;
        Block block = new Block();
        for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
            String line = it.next();
            if (line.isBlank() || line.startsWith("Start-Date:")) {
                newest = LastPatch.newer(newest, block.patchDate());
                block = new Block();
            }
            block.read(line);
        }
        return Optional.ofNullable(LastPatch.newer(newest, block.patchDate()));
    }

    /** One apt run. */
    private static final class Block {
        private LocalDate start;
        private LocalDate end;
        private boolean changedPackages;

        void read(String line) {
            if (line.startsWith("Start-Date:")) {
                start = date(line);
            } else if (line.startsWith("End-Date:")) {
                end = date(line);
            } else if (line.startsWith("Install:") || line.startsWith("Upgrade:")) {
                changedPackages = true;
            }
        }

        LocalDate patchDate() {
            return changedPackages ? (end != null ? end : start) : null;
        }
    }

    /** "End-Date: 2025-11-10  09:12:33" → 2025-11-10; null when malformed. */
    private static LocalDate date(String line) {
        String value = line.substring(line.indexOf(':') + 1).strip();
        try {
            return value.length() < 10 ? null : LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
