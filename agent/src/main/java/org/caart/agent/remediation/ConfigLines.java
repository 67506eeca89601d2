package org.caart.agent.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sets one {@code KEY<separator>VALUE} line in a configuration text: the first active line that sets the key is
 * replaced, otherwise the line is appended (or, with {@code atTop}, inserted before the first active line). Comments,
 * blank lines, other lines and the line endings stay as they were.
 */
final class ConfigLines {

    private ConfigLines() {
    }

    static String set(String text, String key, String separator, String value, boolean caseInsensitive, boolean atTop) {
        List<String> lines = split(text);
        String line = key + separator + value;
        int found = find(lines, key, caseInsensitive);
        if (found >= 0) {
            lines.set(found, line);
        } else if (atTop) {
            lines.add(firstActive(lines), line);
        } else {
            lines.add(line);
        }
        return String.join("\n", lines) + (text.isEmpty() || text.endsWith("\n") || found < 0 && !atTop ? "\n" : "");
    }

    /** Index of the first active (not comment) line setting the key; -1 if none. */
    static int find(List<String> lines, String key, boolean caseInsensitive) {
        Pattern setting = Pattern.compile("^\\s*" + Pattern.quote(key) + "(\\s|=|$)",
                caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
        for (int i = 0; i < lines.size(); i++) {
            if (setting.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    static int firstActive(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String stripped = lines.get(i).strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                return i;
            }
        }
        return lines.size();
    }

    /** The lines without their '\n'; a final newline adds no empty line. */
    static List<String> split(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
