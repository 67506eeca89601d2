package org.caart.agent.platform.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Parses {@code /proc/self/mounts} (fstab syntax): device, mount point, type, options, with spaces,
 * tabs, newlines and backslashes in names written as octal escapes such as {@code \040}.
 */
public final class MountsParser {

    private MountsParser() {
    }

    public static List<MountEntry> parse(List<String> lines) {
        List<MountEntry> entries = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length < 4) {
                throw new PlatformException("malformed mount table line: " + line);
            }
            entries.add(new MountEntry(unescape(fields[0]), unescape(fields[1]), fields[2],
                    Arrays.asList(fields[3].split(","))));
        }
        return entries;
    }

    /** The entry mounted last on {@code mountPoint} (the one in effect), if any. */
    public static Optional<MountEntry> find(List<MountEntry> entries, String mountPoint) {
        MountEntry found = null;
        for (MountEntry entry : entries) {
            if (entry.mountPoint().equals(mountPoint)) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String text, int from) {
        if (from + 3 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
