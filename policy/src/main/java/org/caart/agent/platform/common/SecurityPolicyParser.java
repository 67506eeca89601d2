package org.caart.agent.platform.common;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the INF file {@code secedit /export /cfg FILE} writes (UTF-16LE with a byte order mark on
 * every Windows version we know; UTF-8 and BOM-less UTF-16LE are also accepted).
 */
public final class SecurityPolicyParser {

    private SecurityPolicyParser() {
    }

    public static SecurityPolicy parse(byte[] file) {
        return parse(decode(file).lines().toList());
    }

    public static SecurityPolicy parse(List<String> lines) {
        Map<String, String> systemAccess = new LinkedHashMap<>();
        Map<String, String> eventAudit = new LinkedHashMap<>();
        Map<String, RegistryValue> registry = new LinkedHashMap<>();
        Map<String, List<String>> rights = new LinkedHashMap<>();
        String section = "";
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            switch (section.toLowerCase(java.util.Locale.ROOT)) {
                case "system access" -> systemAccess.put(key, unquote(value));
                case "event audit" -> eventAudit.put(key, value);
                case "registry values" -> registry.put(key, RegistryValueFormats.parseSecedit(value));
                case "privilege rights" -> rights.put(key, accounts(value));
                default -> { }
            }
        }
        return new SecurityPolicy(systemAccess, eventAudit, registry, rights);
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        Charset charset = bytes.length >= 2 && bytes[1] == 0 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8;
        return new String(bytes, charset);
    }

    private static List<String> accounts(String value) {
        List<String> accounts = new ArrayList<>();
        for (String entry : Arrays.asList(value.split(","))) {
            String account = entry.strip();
            if (!account.isEmpty()) {
                accounts.add(account.startsWith("*") ? account.substring(1) : account);
            }
        }
        return accounts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
