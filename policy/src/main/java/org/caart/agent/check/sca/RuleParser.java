package org.caart.agent.check.sca;

import java.util.List;

/** Turns rule text into a {@link Rule}, the way Wazuh splits it: {@code not }, first {@code " -> "}, type prefix. */
final class RuleParser {

    private static final String ARROW = " -> ";

    private RuleParser() {
    }

    static Rule parse(String raw, RegexDialect dialect, ScaVersion version) throws UnsupportedRegexException {
        String rule = raw.strip();
        boolean negated = rule.startsWith("not ");
        if (negated) {
            rule = rule.substring(4).strip();
        }
        int arrow = rule.indexOf(ARROW);
        String head = (arrow < 0 ? rule : rule.substring(0, arrow)).strip();
        String pattern = arrow < 0 ? null : rule.substring(arrow + ARROW.length());
        int colon = head.indexOf(':');
        RuleType type = colon < 0 ? null : RuleType.ofPrefix(head.substring(0, colon).replaceFirst("^!", ""));
        if (type == null) {
            throw new UnsupportedRegexException("unknown rule type in '" + raw + "' (expected f:, d:, c:, r: or p:)");
        }
        String target = head.substring(colon + 1);
        return switch (type) {
            case FILE -> new FileRule(raw, negated, paths(target), content(pattern, dialect, version));
            case DIRECTORY -> DirectoryRule.parse(raw, negated, paths(target), pattern, dialect, version);
            case COMMAND -> new CommandRule(raw, negated, target, content(pattern, dialect, version));
            case REGISTRY -> RegistryRule.parse(raw, negated, target, pattern, dialect, version);
            case PROCESS -> new ProcessRule(raw, negated, target);
        };
    }

    static Content content(String pattern, RegexDialect dialect, ScaVersion version)
            throws UnsupportedRegexException {
        return pattern == null ? null : Content.parse(pattern, dialect, version);
    }

    /** Wazuh 4.x accepts comma-separated lists of paths (usually from a variable). */
    static List<String> paths(String target) {
        return List.of(target.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
