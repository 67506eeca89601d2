package org.caart.agent.platform.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernel parameter names and values: "net.ipv4.ip_forward" lives in
 * {@code /proc/sys/net/ipv4/ip_forward}; multi-field values such as kernel.printk ("4\t4\t1\t7")
 * are normalised to single spaces so that they compare the way {@code sysctl} prints them.
 */
public final class Sysctl {

    private Sysctl() {
    }

    public static String relativePath(String key) {
        if (!key.matches("[A-Za-z0-9_.\\-/*]+") || key.contains("..") || key.startsWith(".")) {
            throw new IllegalArgumentException("invalid sysctl name '" + key + "'");
        }
        return key.replace('.', '/');
    }

    public static String normalize(String raw) {
        return raw.strip().replaceAll("\\s+", " ");
    }

    /** Parses "name = value" lines as {@code sysctl -a} prints them or sysctl.conf holds them. */
    public static Map<String, String> parse(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines) {
            String trimmed = line.strip();
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";") || equals < 0) {
                continue;
            }
            String key = trimmed.substring(0, equals).strip();
            values.put(key.startsWith("-") ? key.substring(1) : key, normalize(trimmed.substring(equals + 1)));
        }
        return values;
    }
}
