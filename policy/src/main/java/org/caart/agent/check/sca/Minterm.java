package org.caart.agent.check.sca;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One term of a content expression: {@code r:REGEX}, {@code n:REGEX compare OP VALUE} or a literal
 * that must equal the whole line; {@code !} in front negates it.
 */
final class Minterm {

    enum Kind { REGEX, NUMERIC, LITERAL }

    private final boolean negated;
    private final Kind kind;
    private final String text;
    private final Pattern pattern;
    private final String operator;
    private final long expected;
    private final boolean ignoreCase;

    private Minterm(boolean negated, Kind kind, String text, Pattern pattern, String operator, long expected,
                    boolean ignoreCase) {
        this.negated = negated;
        this.kind = kind;
        this.text = text;
        this.pattern = pattern;
        this.operator = operator;
        this.expected = expected;
        this.ignoreCase = ignoreCase;
    }

    /** {@code literalIgnoresCase}: a literal term compares like C's {@code strcasecmp} (Wazuh 4.x). */
    static Minterm parse(String term, RegexDialect dialect, boolean literalIgnoresCase)
            throws UnsupportedRegexException {
        boolean negated = term.startsWith("!");
        String body = negated ? term.substring(1) : term;
        if (body.startsWith("r:")) {
            return new Minterm(negated, Kind.REGEX, term, dialect.compile(body.substring(2)), null, 0, false);
        }
        if (body.startsWith("n:")) {
            return numeric(negated, term, body.substring(2), dialect);
        }
        return new Minterm(negated, Kind.LITERAL, term, null, null, 0, literalIgnoresCase);
    }

    private static Minterm numeric(boolean negated, String term, String expr, RegexDialect dialect)
            throws UnsupportedRegexException {
        int at = expr.indexOf("compare");
        if (at < 1) {
            throw new UnsupportedRegexException("numeric term without ' compare ': " + term);
        }
        String[] rest = expr.substring(at + "compare".length()).trim().split("\\s+");
        if (rest.length < 2 || !Operators.valid(rest[0])) {
            throw new UnsupportedRegexException("numeric term needs 'compare <|<=|==|!=|>=|> NUMBER': " + term);
        }
        Long value = Operators.leadingInteger(rest[1]);
        if (value == null) {
            throw new UnsupportedRegexException("numeric term compares with a non-number: " + term);
        }
        Pattern pattern = dialect.compile(expr.substring(0, at - 1));
        return new Minterm(negated, Kind.NUMERIC, term, pattern, rest[0], value, false);
    }

    boolean negated() {
        return negated;
    }

    String text() {
        return text;
    }

    /** Whether the line satisfies the term, ignoring {@code !}. A captured non-number is an error. */
    boolean matches(String line) {
        return switch (kind) {
            case LITERAL -> ignoreCase ? line.equalsIgnoreCase(negated ? text.substring(1) : text)
                    : line.equals(negated ? text.substring(1) : text);
            case REGEX -> pattern.matcher(line).find();
            case NUMERIC -> compare(line);
        };
    }

    private boolean compare(String line) {
        Matcher matcher = pattern.matcher(line);
        if (!matcher.find()) {
            return false;
        }
        String captured = matcher.groupCount() >= 1 && matcher.group(1) != null ? matcher.group(1) : matcher.group();
        Long actual = Operators.leadingInteger(captured);
        if (actual == null) {
            throw new IllegalStateException("'" + captured + "' captured by " + text + " is not a number");
        }
        return Operators.apply(operator, actual, expected);
    }
}
