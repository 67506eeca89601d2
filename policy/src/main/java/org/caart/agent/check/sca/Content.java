package org.caart.agent.check.sca;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a rule after {@code ->}: minterms joined by {@code " && "}. One line must satisfy all minterms; empty
 * content never matches. In {@link ScaVersion#V5} content a lone negated minterm means no line may match, and a
 * pattern that does not start with {@code r:}, {@code n:}, {@code !r:} or {@code !n:} is one literal compared exactly
 * with whole lines (files) or the whole output (commands). In {@link ScaVersion#V4} content every minterm, literals
 * included (compared ignoring case), is tested on each line, and trailing {@code \r} is trimmed from the lines.
 */
final class Content {

    /** The outcome of matching: whether it matched and the line that decided it (or a summary). */
    record Match(boolean matched, String evidence) {
    }

    private final String text;
    private final boolean literal;
    private final List<Minterm> minterms;
    private final ScaVersion version;

    private Content(String text, boolean literal, List<Minterm> minterms, ScaVersion version) {
        this.text = text;
        this.literal = literal;
        this.minterms = minterms;
        this.version = version;
    }

    static Content parse(String text, RegexDialect dialect) throws UnsupportedRegexException {
        return parse(text, dialect, ScaVersion.V5);
    }

    static Content parse(String text, RegexDialect dialect, ScaVersion version) throws UnsupportedRegexException {
        boolean literal = version == ScaVersion.V5 && !(text.startsWith("r:") || text.startsWith("!r:")
                || text.startsWith("n:") || text.startsWith("!n:"));
        List<Minterm> minterms = new ArrayList<>();
        if (!literal) {
            for (String term : text.split(" && ", -1)) {
                minterms.add(Minterm.parse(term, dialect, version == ScaVersion.V4));
            }
        }
        return new Content(text, literal, List.copyOf(minterms), version);
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
        if (version == ScaVersion.V4) {
            return matchEachLine(lines.stream().map(Content::trimCrLf).toList());
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
        return matchEachLine(lines);
    }

    private Match matchEachLine(List<String> lines) {
        for (String line : lines) {
            if (satisfiesAll(line)) {
                return new Match(true, "line: " + line);
            }
        }
        return new Match(false, "no line satisfies all terms; " + excerpt(lines));
    }

    /** Wazuh 4.x's {@code os_trimcrlf}: trailing carriage returns and newlines go. */
    static String trimCrLf(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
            end--;
        }
        return line.substring(0, end);
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
