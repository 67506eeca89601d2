package org.caart.agent.check.sca;

import java.util.List;
import java.util.Locale;

/**
 * Wazuh's OS_Match, the simple pattern Wazuh 4.x applies to file names in {@code d:} rules: case-insensitive;
 * {@code |} separates alternatives; an alternative starting with {@code ^} must start the name, one ending with
 * {@code $} must end it (both: equal it), any other is found anywhere in the name; a leading {@code !} negates.
 */
record OsMatch(String text, boolean negated, List<String> alternatives) {

    static OsMatch parse(String pattern) {
        boolean negated = pattern.startsWith("!");
        String body = (negated ? pattern.substring(1) : pattern).toLowerCase(Locale.ROOT);
        return new OsMatch(pattern, negated, List.of(body.split("\\|", -1)));
    }

    boolean matches(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean any = alternatives.stream().anyMatch(alternative -> matchesOne(alternative, lower));
        return any != negated;
    }

    private static boolean matchesOne(String alternative, String name) {
        boolean start = alternative.startsWith("^");
        boolean end = alternative.endsWith("$") && alternative.length() > (start ? 1 : 0);
        String core = alternative.substring(start ? 1 : 0, alternative.length() - (end ? 1 : 0));
        if (start && end) {
            return name.equals(core);
        }
        if (start) {
            return name.startsWith(core);
        }
        return end ? name.endsWith(core) : name.contains(core);
    }
}
