package org.caart.agent.check.sca;

import java.util.Set;

/** The comparison operators of {@code n:} terms and the integer parsing Wazuh applies (C++ {@code stoi}). */
final class Operators {

    private static final Set<String> ALL = Set.of("<", "<=", "==", "!=", ">=", ">");

    private Operators() {
    }

    static boolean valid(String operator) {
        return ALL.contains(operator);
    }

    static boolean apply(String operator, long actual, long expected) {
        return switch (operator) {
            case "<" -> actual < expected;
            case "<=" -> actual <= expected;
            case "==" -> actual == expected;
            case "!=" -> actual != expected;
            case ">=" -> actual >= expected;
            case ">" -> actual > expected;
            default -> throw new IllegalArgumentException("unknown operator " + operator);
        };
    }

    /** Leading whitespace, optional sign, digits; the rest is ignored. Null when there are no digits or the value overflows an int. */
    static Long leadingInteger(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int digits = i;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == digits || i - digits > 10) {
            return null;
        }
        long value = Long.parseLong(text.substring(start, i));
        return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? null : value;
    }
}
