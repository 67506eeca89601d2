package org.caart.agent.platform.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code /etc/os-release}: KEY=value lines with optional shell-style quotes. */
public final class OsRelease {

    private OsRelease() {
    }

    public static Map<String, String> parse(List<String> lines) {
        Map<String, String> values = new HashMap<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (equals <= 0 || line.startsWith("#")) {
                continue;
            }
            String value = line.substring(equals + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(line.substring(0, equals).strip(), value);
        }
        return values;
    }
}
