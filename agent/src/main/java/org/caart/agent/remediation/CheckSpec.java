package org.caart.agent.remediation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code check:} object of one CAaRT check as the policy wrote it (type, op, value, key, ...), which the engine
 * keeps private to its check classes. The policy was already parsed and validated by the engine, so fields are read
 * here without validating them again.
 */
record CheckSpec(String type, Map<?, ?> fields) {

    Optional<String> text(String name) {
        Object value = fields.get(name);
        return value == null || value instanceof Map || value instanceof List ? Optional.empty()
                : Optional.of(value.toString());
    }

    String required(String name) {
        return text(name).orElseThrow(() -> new RemediationException("the check has no '" + name + "'"));
    }

    List<String> list(String name) {
        Object value = fields.get(name);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    /** The comparison operator, lower case with '-' (eq when not given). */
    String op() {
        return text("op").orElse("eq").toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The operands: {@code values}, else {@code value}. */
    List<String> operands() {
        return fields.containsKey("values") ? list("values") : list("value");
    }

    Optional<Boolean> flag(String name) {
        return text(name).map(v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
    }
}
