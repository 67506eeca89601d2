package org.caart.agent.platform.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads sshd settings either from {@code sshd -T} output (one "keyword value" line per setting,
 * already resolved by the daemon) or, when that cannot run, from sshd_config itself:
 * <ul>
 * <li>keywords are case-insensitive and separated from values by whitespace or one '=';</li>
 * <li>the first value obtained for a keyword wins, except for repeatable keywords (HostKey, Port,
 * ListenAddress, AcceptEnv, Subsystem, Allow/Deny Users/Groups), whose values accumulate;</li>
 * <li>{@code Include} is expanded in place (globs sorted lexically, relative paths under /etc/ssh);
 * an included file starts in its includer's state, and a Match block opened inside it ends with
 * that file, as in OpenSSH;</li>
 * <li>lines inside a {@code Match} block are conditional and ignored, since the agent reports the
 * global settings; {@code Match all} returns to global scope.</li>
 * </ul>
 * Keywords the files do not set are not filled with compiled-in defaults here; see
 * {@link SshdDefaults}.
 */
public final class SshdConfigParser {

    /** Access to the configuration files: read one (empty when missing), expand a glob. */
    public interface Files {
        Optional<List<String>> read(String hostPath);

        List<String> expand(String hostPattern);
    }

    private static final Set<String> REPEATABLE = Set.of("hostkey", "port", "listenaddress", "acceptenv",
            "subsystem", "allowusers", "denyusers", "allowgroups", "denygroups", "hostcertificate");
    private static final int MAX_DEPTH = 16;

    private SshdConfigParser() {
    }

    public static Map<String, List<String>> parseEffective(List<String> lines) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.strip().split("\\s+", 2);
            if (!parts[0].isEmpty()) {
                values.computeIfAbsent(parts[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(parts.length > 1 ? parts[1] : "");
            }
        }
        return values;
    }

    public static Map<String, List<String>> parseConfig(String path, Files files) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> lines = files.read(path)
                .orElseThrow(() -> new PlatformException(path + " does not exist"));
        parse(path, lines, files, values, 0);
        return values;
    }

    private static void parse(String path, List<String> lines, Files files, Map<String, List<String>> values,
                              int depth) {
        if (depth > MAX_DEPTH) {
            throw new PlatformException("sshd_config Include nesting too deep at " + path);
        }
        boolean global = true;
        for (String raw : lines) {
            String[] parts = split(raw);
            if (parts == null) {
                continue;
            }
            String keyword = parts[0];
            if (keyword.equals("match")) {
                global = parts[1].strip().equalsIgnoreCase("all");
            } else if (!global) {
                continue;
            } else if (keyword.equals("include")) {
                for (String pattern : parts[1].strip().split("\\s+")) {
                    include(pattern, files, values, depth);
                }
            } else if (REPEATABLE.contains(keyword)) {
                values.computeIfAbsent(keyword, k -> new ArrayList<>()).add(parts[1]);
            } else {
                values.putIfAbsent(keyword, new ArrayList<>(List.of(parts[1])));
            }
        }
    }

    private static void include(String pattern, Files files, Map<String, List<String>> values, int depth) {
        String absolute = pattern.startsWith("/") ? pattern : "/etc/ssh/" + pattern;
        for (String file : files.expand(absolute)) {
            files.read(file).ifPresent(lines -> parse(file, lines, files, values, depth + 1));
        }
    }

    /** keyword (lower case) and value, or null for blank and comment lines. */
    private static String[] split(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        int hash = line.indexOf(" #");
        if (hash > 0 && !line.contains("\"")) {
            line = line.substring(0, hash).strip();
        }
        String[] parts = line.split("\\s*=\\s*|\\s+", 2);
        String value = parts.length > 1 ? parts[1].strip() : "";
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return new String[] {parts[0].toLowerCase(Locale.ROOT), value};
    }
}
