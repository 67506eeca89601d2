package org.caart.agent.platform.common;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * sshd's global settings by lower-case keyword. {@code effective} is true when they come from
 * {@code sshd -T} (all settings, defaults included, as the daemon resolved them) and false when the
 * agent parsed the configuration files itself; {@code source} says which, and why.
 */
public record SshdConfig(String source, boolean effective, Map<String, List<String>> values) {

    public SshdConfig {
        Map<String, List<String>> copy = new TreeMap<>();
        values.forEach((key, list) -> copy.put(key.toLowerCase(Locale.ROOT), List.copyOf(list)));
        values = Collections.unmodifiableMap(copy);
    }

    /** Every value of a keyword (several for HostKey, Port, ...); empty when it is not set. */
    public List<String> all(String keyword) {
        return values.getOrDefault(keyword.toLowerCase(Locale.ROOT), List.of());
    }

    /** The value in effect: for repeatable keywords all values joined by a space. */
    public Optional<String> value(String keyword) {
        List<String> all = all(keyword);
        return all.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", all));
    }
}
