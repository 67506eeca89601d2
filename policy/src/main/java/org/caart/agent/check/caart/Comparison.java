package org.caart.agent.check.caart;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.caart.agent.check.PolicyException;

/**
 * The expectation of a value check: an operator ({@code op}, default eq) and its operand
 * ({@code value} or {@code values}). Text compares case-insensitively; when both sides are integers
 * (decimal, or hex with 0x) they compare as numbers, so "0x1" eq "1" and "08" eq "8". {@code also-pass} lists
 * values that pass whatever the operator says, for a sentinel stricter than any number (LockoutDuration -1, "until
 * an administrator unlocks").
 */
final class Comparison {

    enum Operator {
        EQ, NE, LT, LE, GT, GE, IN, NOT_IN, REGEX, NOT_REGEX, INCLUDES, EXCLUDES, PRESENT, ABSENT;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Whether the value meets the expectation; {@code problem} is set when it cannot be judged. */
    record Verdict(boolean holds, String problem) {
    }

    private final Operator operator;
    private final List<String> operands;
    private final Pattern pattern;
    private final List<String> alsoPass;

    private Comparison(Operator operator, List<String> operands, Pattern pattern, List<String> alsoPass) {
        this.operator = operator;
        this.operands = operands;
        this.pattern = pattern;
        this.alsoPass = alsoPass;
    }

    static Comparison read(Fields fields) throws PolicyException {
        Operator operator = fields.choice("op", Operator.class, Operator.EQ);
        List<String> operands = fields.has("values") ? fields.list("values") : fields.list("value");
        switch (operator) {
            case PRESENT, ABSENT -> {
                if (!operands.isEmpty()) {
                    throw fields.error("value", "is not used with op " + operator);
                }
            }
            case IN, NOT_IN, INCLUDES, EXCLUDES -> {
                if (operands.isEmpty()) {
                    throw fields.error("values", "needs at least one entry for op " + operator);
                }
            }
            default -> {
                if (operands.size() != 1) {
                    throw fields.error("value", "must be exactly one value for op " + operator);
                }
                if (isOrdering(operator) && number(operands.get(0)).isEmpty()) {
                    throw fields.error("value", "must be an integer for op " + operator);
                }
            }
        }
        List<String> alsoPass = fields.list("also-pass");
        if (!alsoPass.isEmpty() && (operator == Operator.PRESENT || operator == Operator.ABSENT)) {
            throw fields.error("also-pass", "is not used with op " + operator);
        }
        return new Comparison(operator, List.copyOf(operands), pattern(fields, operator, operands),
                List.copyOf(alsoPass));
    }

    private static Pattern pattern(Fields fields, Operator operator, List<String> operands) throws PolicyException {
        if (operator != Operator.REGEX && operator != Operator.NOT_REGEX) {
            return null;
        }
        try {
            return Pattern.compile(operands.get(0));
        } catch (PatternSyntaxException e) {
            throw fields.error("value", "is not a valid regular expression: " + e.getDescription());
        }
    }

    Operator operator() {
        return operator;
    }

    /** "subject op operand", e.g. "net.ipv4.ip_forward eq 0" or "Ciphers excludes [3des-cbc]". */
    String describe(String subject) {
        String also = alsoPass.isEmpty() ? "" : " (or " + String.join(", ", alsoPass) + ")";
        return describeOperator(subject) + also;
    }

    private String describeOperator(String subject) {
        return switch (operator) {
            case PRESENT -> subject + " is set";
            case ABSENT -> subject + " is not set";
            case IN, NOT_IN, INCLUDES, EXCLUDES -> subject + " " + operator + " " + operands;
            default -> subject + " " + operator + " " + operands.get(0);
        };
    }

    /** Tests a value that is present; present/absent are decided by the caller from presence alone. */
    Verdict test(String observed) {
        if (alsoPass.stream().anyMatch(value -> same(observed, value))) {
            return new Verdict(true, null);
        }
        return switch (operator) {
            case PRESENT -> new Verdict(true, null);
            case ABSENT -> new Verdict(false, null);
            case EQ -> new Verdict(same(observed, operands.get(0)), null);
            case NE -> new Verdict(!same(observed, operands.get(0)), null);
            case IN -> new Verdict(operands.stream().anyMatch(o -> same(observed, o)), null);
            case NOT_IN -> new Verdict(operands.stream().noneMatch(o -> same(observed, o)), null);
            case REGEX -> new Verdict(pattern.matcher(observed).find(), null);
            case NOT_REGEX -> new Verdict(!pattern.matcher(observed).find(), null);
            case INCLUDES -> new Verdict(operands.stream().allMatch(o -> items(observed).contains(lower(o))), null);
            case EXCLUDES -> new Verdict(operands.stream().noneMatch(o -> items(observed).contains(lower(o))), null);
            case LT, LE, GT, GE -> order(observed);
        };
    }

    private Verdict order(String observed) {
        OptionalLong value = number(observed);
        if (value.isEmpty()) {
            return new Verdict(false, "the value '" + observed + "' is not an integer, so " + operator
                    + " cannot be judged");
        }
        int sign = Long.compare(value.getAsLong(), number(operands.get(0)).getAsLong());
        boolean holds = switch (operator) {
            case LT -> sign < 0;
            case LE -> sign <= 0;
            case GT -> sign > 0;
            default -> sign >= 0;
        };
        return new Verdict(holds, null);
    }

    static boolean same(String observed, String expected) {
        OptionalLong a = number(observed);
        OptionalLong b = number(expected);
        if (a.isPresent() && b.isPresent()) {
            return a.getAsLong() == b.getAsLong();
        }
        return observed.strip().equalsIgnoreCase(expected.strip());
    }

    static OptionalLong number(String text) {
        String value = text.strip();
        try {
            if (value.matches("-?\\d{1,18}")) {
                return OptionalLong.of(Long.parseLong(value));
            }
            if (value.matches("0[xX][0-9a-fA-F]{1,16}")) {
                return OptionalLong.of(Long.parseUnsignedLong(value.substring(2), 16));
            }
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static List<String> items(String observed) {
        return Arrays.stream(observed.split("[,\\s]+")).filter(s -> !s.isEmpty()).map(Comparison::lower).toList();
    }

    private static String lower(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isOrdering(Operator operator) {
        return operator == Operator.LT || operator == Operator.LE || operator == Operator.GT || operator == Operator.GE;
    }
}
