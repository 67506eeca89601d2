package org.caart.agent.platform.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** An in-memory registry; keys compare case-insensitively and in any hive spelling, as on Windows. */
public final class FakeRegistry implements RegistryAccess {

    private final Map<String, Map<String, RegistryValue>> keys = new TreeMap<>();
    private final Set<String> denied = new HashSet<>();

    public FakeRegistry put(String fullKey, String name, RegistryValue value) {
        String key = normalize(fullKey);
        keys.computeIfAbsent(key, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER)).put(name, value);
        for (String parent = parent(key); parent != null; parent = parent(parent)) {
            keys.computeIfAbsent(parent, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        }
        return this;
    }

    /** A key with no values (and its parents). */
    public FakeRegistry putKey(String fullKey) {
        String key = normalize(fullKey);
        for (String k = key; k != null; k = parent(k)) {
            keys.computeIfAbsent(k, x -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        }
        return this;
    }

    /** Reading this key (or its values) fails as with "access denied". */
    public FakeRegistry deny(String fullKey) {
        denied.add(normalize(fullKey));
        return this;
    }

    @Override
    public boolean keyExists(String fullKey) {
        return keys.containsKey(check(fullKey));
    }

    @Override
    public List<String> valueNames(String fullKey) {
        return new ArrayList<>(keys.getOrDefault(check(fullKey), Map.of()).keySet());
    }

    @Override
    public List<String> subKeys(String fullKey) {
        String key = check(fullKey);
        List<String> children = new ArrayList<>();
        for (String candidate : keys.keySet()) {
            if (key.equals(parent(candidate))) {
                children.add(candidate.substring(key.length() + 1));
            }
        }
        return children;
    }

    @Override
    public Optional<RegistryValue> value(String fullKey, String name) {
        return Optional.ofNullable(keys.getOrDefault(check(fullKey), Map.of()).get(name));
    }

    private String check(String fullKey) {
        String key = normalize(fullKey);
        if (denied.contains(key)) {
            throw new PlatformException("cannot read registry key " + fullKey + ": access denied");
        }
        return key;
    }

    private static String normalize(String fullKey) {
        return RegistryKey.parse(fullKey).toString().toLowerCase(Locale.ROOT);
    }

    private static String parent(String key) {
        int slash = key.lastIndexOf('\\');
        return slash < 0 ? null : key.substring(0, slash);
    }
}
