package org.caart.agent.remediation;

import java.util.List;
import java.util.Optional;

/**
 * The value a fix sets for a value check: the check's own expected value. {@code eq}, {@code in} (its first
 * value), {@code ge} and {@code le} give their operand, {@code gt}/{@code lt} the next integer inside the bound.
 * Other operators (ne, regex, excludes, ...) name no single value; a catalog entry supplies one, or the check is
 * manual.
 */
final class Targets {

    private Targets() {
    }

    static Optional<String> of(CheckSpec spec, Optional<CatalogEntries.Entry> entry) {
        if (entry.isPresent() && entry.get().value() != null) {
            return Optional.of(entry.get().value());
        }
        List<String> operands = spec.operands();
        if (operands.isEmpty()) {
            return Optional.empty();
        }
        return switch (spec.op()) {
            case "eq", "in", "ge", "le" -> Optional.of(operands.get(0));
            case "gt" -> integer(operands.get(0)).map(n -> String.valueOf(n + 1));
            case "lt" -> integer(operands.get(0)).map(n -> String.valueOf(n - 1));
            default -> Optional.empty();
        };
    }

    private static Optional<Long> integer(String text) {
        return text.strip().matches("-?\\d{1,18}") ? Optional.of(Long.parseLong(text.strip())) : Optional.empty();
    }
}
