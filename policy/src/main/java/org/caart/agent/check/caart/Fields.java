package org.caart.agent.check.caart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.caart.agent.check.PolicyException;

/**
 * One YAML/JSON object of a CAaRT policy with error messages that name the file, the check and the
 * field. Scalars arrive as strings (the parser resolves no implicit types), so "no", "0" and
 * "0640" keep their spelling. Fields nobody read are reported by {@link #rejectUnknown()}.
 */
final class Fields {

    private final String source;
    private final String where;
    private final Map<?, ?> map;
    private final Set<String> used = new HashSet<>();

    Fields(String source, String where, Map<?, ?> map) {
        this.source = source;
        this.where = where;
        this.map = map;
    }

    String where() {
        return where;
    }

    Optional<String> optionalText(String name) throws PolicyException {
        Object value = raw(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof List) {
            throw error(name, "must be a single value");
        }
        return Optional.of(value.toString());
    }

    String text(String name) throws PolicyException {
        String value = optionalText(name).orElseThrow(() -> error(name, "is required"));
        if (value.isBlank()) {
            throw error(name, "must not be empty");
        }
        return value;
    }

    String text(String name, String fallback) throws PolicyException {
        return optionalText(name).orElse(fallback);
    }

    /** A list of scalars; a single scalar counts as a one-element list; absent is empty. */
    List<String> list(String name) throws PolicyException {
        Object value = raw(name);
        List<String> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item == null || item instanceof Map || item instanceof List) {
                    throw error(name, "must be a list of values");
                }
                items.add(item.toString());
            }
        } else if (value instanceof Map) {
            throw error(name, "must be a list of values");
        } else if (value != null) {
            items.add(value.toString());
        }
        return items;
    }

    boolean has(String name) {
        return map.containsKey(name);
    }

    Optional<Boolean> optionalFlag(String name) throws PolicyException {
        Optional<String> value = optionalText(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Optional.of(true);
            case "false", "no" -> Optional.of(false);
            default -> throw error(name, "must be true or false, not '" + value.get() + "'");
        };
    }

    Fields object(String name) throws PolicyException {
        Object value = raw(name);
        if (!(value instanceof Map<?, ?> child)) {
            throw error(name, value == null ? "is required" : "must be an object");
        }
        return new Fields(source, where, child);
    }

    List<Map<?, ?>> objects(String name) throws PolicyException {
        Object value = raw(name);
        if (!(value instanceof List<?> list)) {
            throw error(name, value == null ? "is required" : "must be a list");
        }
        List<Map<?, ?>> objects = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> child)) {
                throw error(name, "must be a list of objects");
            }
            objects.add(child);
        }
        return objects;
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) throws PolicyException {
        Optional<String> value = optionalText(name);
        if (value.isEmpty()) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equalsIgnoreCase(value.get())) {
                return constant;
            }
        }
        throw error(name, "must be one of " + allowed(type) + ", not '" + value.get() + "'");
    }

    void rejectUnknown() throws PolicyException {
        for (Object key : map.keySet()) {
            if (!used.contains(String.valueOf(key))) {
                throw error(String.valueOf(key), "is not a known field here");
            }
        }
    }

    PolicyException error(String field, String problem) {
        return new PolicyException(source + ": " + where + ": field '" + field + "' " + problem);
    }

    private Object raw(String name) {
        used.add(name);
        return map.get(name);
    }

    private static <E extends Enum<E>> List<String> allowed(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.toString());
        }
        return names;
    }
}
