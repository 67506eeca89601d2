package org.caart.agent.check.sca;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a rule after {@code ->}: minterms joined by {@code " && "}. One line must satisfy all
 * minterms; a lone negated minterm means no line may match; empty content never matches. A pattern
 * that does not start with {@code r:}, {@code n:}, {@code !r:} or {@code !n:} is a literal compared
 * with whole lines (files) or the whole output (commands), as Wazuh does.
 */
final class Content {

    /** The outcome of matching: whether it matched and the line that decided it (or a summary). */
    record Match(boolean matched, String evidence) {
    }

    private final String text;
    private final boolean literal;
    private final List<Minterm> minterms;

    private Content(String text, boolean literal, List<Minterm> minterms) {
        this.text = text;
        this.literal = literal;
        this.minterms = minterms;
    }

    static Content parse(String text, RegexDialect dialect) throws UnsupportedRegexException {
        boolean literal = !(text.startsWith("r:") || text.startsWith("!r:") || text.startsWith("n:")
                || text.startsWith("!n:"));
        List<Minterm> minterms = new ArrayList<>();
        if (!literal) {
            for (String term : text.split(" && ", -1)) {
                minterms.add(Minterm.parse(term, dialect));
            }
        }
        return new Content(text, literal, List.copyOf(minterms));
    }

    String text() {
        return text;
    }

    boolean literal() {
        return literal;
    }

    boolean isRegex() {
        return text.startsWith("r:") || text.startsWith("!r:");
    }

    /** Matches lines of a file (or command output); a literal compares whole lines. */
    Match matchLines(List<String> lines) {
        if (lines.isEmpty()) {
            return new Match(false, "empty content");
        }
        if (literal) {
            for (String line : lines) {
                if (line.equals(text)) {
                    return new Match(true, "line: " + line);
                }
            }
            return new Match(false, "no line equals '" + text + "'; " + excerpt(lines));
        }
        if (minterms.size() == 1 && minterms.get(0).negated()) {
            Minterm only = minterms.get(0);
            for (String line : lines) {
                if (only.matches(line)) {
                    return new Match(false, "line matches " + only.text().substring(1) + ": " + line);
                }
            }
            return new Match(true, "no line matches " + only.text().substring(1) + " (" + lines.size() + " lines)");
        }
        for (String line : lines) {
            if (satisfiesAll(line)) {
                return new Match(true, "line: " + line);
            }
        }
        return new Match(false, "no line satisfies all terms; " + excerpt(lines));
    }

    /** The first lines of what was searched, for the evidence. */
    static String excerpt(List<String> lines) {
        StringBuilder text = new StringBuilder(lines.size() + " lines: ");
        for (int i = 0; i < Math.min(3, lines.size()); i++) {
            text.append(i == 0 ? "" : " | ").append(lines.get(i).strip());
        }
        if (lines.size() > 3) {
            text.append(" | ...");
        }
        return text.length() > 300 ? text.substring(0, 297) + "..." : text.toString();
    }

    private boolean satisfiesAll(String line) {
        for (Minterm term : minterms) {
            if (term.matches(line) == term.negated()) {
                return false;
            }
        }
        return true;
    }
}
