package org.caart.agent.check;

import org.yaml.snakeyaml.LoaderOptions;

/**
 * Bounds every policy text before a YAML parser sees it: size, line count and indentation depth, checked in one
 * cheap pass, and the same bounds handed to SnakeYAML (nesting depth, code points). A deeply indented document
 * otherwise costs the parser time quadratic in its depth (a 2 MB, 1,400-level file took 49 s). The largest Wazuh
 * SCA benchmark (CIS Windows 11, 1.6 MB, 23,300 lines) nests 6 levels.
 */
public final class PolicyLimits {

    public static final int MAX_CHARS = 4 << 20;
    public static final int MAX_LINES = 100_000;
    public static final int MAX_DEPTH = 32;

    private PolicyLimits() {
    }

    /** Refuses a text over the bounds with the reason; reads every character once. */
    public static void check(String sourceName, String text) throws PolicyException {
        if (text.length() > MAX_CHARS) {
            throw new PolicyException(sourceName + ": a policy has at most " + MAX_CHARS + " characters");
        }
        int[] indents = new int[MAX_DEPTH + 1];
        int depth = 0;
        int lines = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (++lines > MAX_LINES) {
                throw new PolicyException(sourceName + ": a policy has at most " + MAX_LINES + " lines; this one has"
                        + " more than " + MAX_LINES + " lines");
            }
            int indent = indentation(text, start, end);
            if (indent >= 0) {
                while (depth > 0 && indents[depth - 1] >= indent) {
                    depth--;
                }
                if (depth == MAX_DEPTH) {
                    throw tooDeep(sourceName, lines);
                }
                indents[depth++] = indent;
            }
            start = end + 1;
        }
    }

    /** Leading spaces of a line that holds content, or -1 for a blank or comment line. */
    private static int indentation(String text, int start, int end) {
        int i = start;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '-' && i + 1 < end
                && text.charAt(i + 1) == ' ')) {
            i++;
        }
        if (i == end || text.charAt(i) == '#' || text.charAt(i) == '\r') {
            return -1;
        }
        return i - start;
    }

    static PolicyException tooDeep(String sourceName, int line) {
        return new PolicyException(sourceName + ": line " + line + " is nested more than " + MAX_DEPTH
                + " levels deep; a policy is at most " + MAX_DEPTH + " levels deep");
    }

    /** SnakeYAML options with the same bounds (flow collections such as {@code [[[...]]]} nest without indenting). */
    public static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARS);
        options.setMaxAliasesForCollections(20);
        return options;
    }
}
