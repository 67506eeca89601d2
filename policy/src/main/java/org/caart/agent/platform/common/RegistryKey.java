package org.caart.agent.platform.common;

import java.util.Locale;
import java.util.Map;

/**
 * A registry key split into its hive and the path below it. Accepts full hive names and the usual
 * abbreviations (HKLM, HKCU, HKU, HKCR, HKCC), and secedit's "MACHINE\..." form; forward slashes
 * and repeated or trailing backslashes are tolerated.
 */
public record RegistryKey(Hive hive, String path) {

    public enum Hive {
        HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_USERS, HKEY_CLASSES_ROOT, HKEY_CURRENT_CONFIG
    }

    private static final Map<String, Hive> NAMES = Map.ofEntries(
            Map.entry("HKEY_LOCAL_MACHINE", Hive.HKEY_LOCAL_MACHINE), Map.entry("HKLM", Hive.HKEY_LOCAL_MACHINE),
            Map.entry("MACHINE", Hive.HKEY_LOCAL_MACHINE),
            Map.entry("HKEY_CURRENT_USER", Hive.HKEY_CURRENT_USER), Map.entry("HKCU", Hive.HKEY_CURRENT_USER),
            Map.entry("HKEY_USERS", Hive.HKEY_USERS), Map.entry("HKU", Hive.HKEY_USERS),
            Map.entry("USER", Hive.HKEY_USERS),
            Map.entry("HKEY_CLASSES_ROOT", Hive.HKEY_CLASSES_ROOT), Map.entry("HKCR", Hive.HKEY_CLASSES_ROOT),
            Map.entry("HKEY_CURRENT_CONFIG", Hive.HKEY_CURRENT_CONFIG), Map.entry("HKCC", Hive.HKEY_CURRENT_CONFIG));

    public static RegistryKey parse(String fullKey) {
        if (fullKey == null || fullKey.isBlank()) {
            throw new IllegalArgumentException("empty registry key");
        }
        String normalized = fullKey.trim().replace('/', '\\').replaceAll("\\\\+", "\\\\");
        int slash = normalized.indexOf('\\');
        String hiveName = (slash < 0 ? normalized : normalized.substring(0, slash)).toUpperCase(Locale.ROOT);
        Hive hive = NAMES.get(hiveName);
        if (hive == null) {
            throw new IllegalArgumentException("unknown registry hive '" + hiveName + "' in " + fullKey);
        }
        String path = slash < 0 ? "" : normalized.substring(slash + 1);
        if (path.endsWith("\\")) {
            path = path.substring(0, path.length() - 1);
        }
        return new RegistryKey(hive, path);
    }

    public RegistryKey child(String name) {
        return new RegistryKey(hive, path.isEmpty() ? name : path + "\\" + name);
    }

    @Override
    public String toString() {
        return path.isEmpty() ? hive.name() : hive.name() + "\\" + path;
    }
}
