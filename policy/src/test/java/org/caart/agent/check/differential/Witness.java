package org.caart.agent.check.differential;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes an example line that a regular expression matches, for building fixture files: each atom is taken once
 * (the smallest repetition a quantifier allows, one for {@code +}), an alternation by its first branch, a class by a
 * member. The first capture group can be replaced by a given text (the number of an {@code n:} comparison). The
 * example is kept only when the regex really matches it (and captures the replacement), else empty.
 */
final class Witness {

    private final String regex;
    private final String groupOne;
    private int pos;
    private int groups;

    private Witness(String regex, String groupOne) {
        this.regex = regex;
        this.groupOne = groupOne;
    }

    static Optional<String> of(String regex) {
        return of(regex, null);
    }

    static Optional<String> of(String regex, String groupOne) {
        String line;
        try {
            Witness witness = new Witness(regex, groupOne);
            line = witness.alternatives();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Matcher matcher = Pattern.compile(regex, ReferenceSca.FLAGS).matcher(line);
        if (!matcher.find()) {
            return Optional.empty();
        }
        if (groupOne != null && (matcher.groupCount() < 1 || !groupOne.equals(matcher.group(1)))) {
            return Optional.empty();
        }
        return Optional.of(line);
    }

    private String alternatives() {
        String first = sequence();
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            sequence();
        }
        return first;
    }

    private String sequence() {
        StringBuilder out = new StringBuilder();
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            String atom = atom();
            int times = quantifier();
            out.append(atom.repeat(times));
        }
        return out.toString();
    }

    private int quantifier() {
        if (pos >= regex.length()) {
            return 1;
        }
        char c = regex.charAt(pos);
        int times;
        if (c == '*' || c == '?') {
            pos++;
            times = 0;
        } else if (c == '+') {
            pos++;
            times = 1;
        } else if (c == '{' && regex.indexOf('}', pos) > pos && regex.substring(pos + 1, regex.indexOf('}', pos))
                .matches("\\d+(,\\d*)?")) {
            String body = regex.substring(pos + 1, regex.indexOf('}', pos));
            pos = regex.indexOf('}', pos) + 1;
            times = Integer.parseInt(body.split(",")[0]);
        } else {
            return 1;
        }
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++;
        }
        return times;
    }

    private String atom() {
        char c = regex.charAt(pos++);
        return switch (c) {
            case '\\' -> escape(regex.charAt(pos++));
            case '[' -> characterClass();
            case '(' -> group();
            case '.' -> "a";
            case '^', '$' -> "";
            default -> String.valueOf(c);
        };
    }

    private static String escape(char c) {
        return switch (c) {
            case 's', 'h' -> " ";
            case 'S', 'D', 'W', 'H' -> c == 'W' ? "-" : "x";
            case 'd' -> "1";
            case 'w' -> "a";
            case 't' -> "\t";
            case 'b', 'B', 'A', 'z', 'Z', 'G' -> "";
            case 'n', 'r', 'v', 'f', 'R' -> throw new IllegalArgumentException("line breaks do not fit in one line");
            default -> String.valueOf(c);
        };
    }

    private String group() {
        boolean capturing = true;
        if (regex.startsWith("?:", pos) || regex.startsWith("?>", pos)) {
            pos += 2;
            capturing = false;
        } else if (regex.startsWith("?", pos)) {
            throw new IllegalArgumentException("look-around and inline flags are left to other fixtures");
        }
        int number = capturing ? ++groups : 0;
        String inside = alternatives();
        if (pos >= regex.length() || regex.charAt(pos) != ')') {
            throw new IllegalArgumentException("unbalanced group");
        }
        pos++;
        return number == 1 && groupOne != null ? groupOne : inside;
    }

    private String characterClass() {
        boolean negated = regex.charAt(pos) == '^';
        if (negated) {
            pos++;
        }
        int end = pos + 1;
        while (end < regex.length() && regex.charAt(end) != ']') {
            end += regex.charAt(end) == '\\' ? 2 : 1;
        }
        String body = regex.substring(pos, end);
        pos = end + 1;
        if (!negated) {
            return body.startsWith("\\") ? escape(body.charAt(1)) : body.substring(0, 1);
        }
        for (char candidate : "xqQ7 _-.,:/=#".toCharArray()) {
            String one = String.valueOf(candidate);
            if (!Pattern.compile("[^" + body + "]").matcher(one).matches()) {
                continue;
            }
            return one;
        }
        throw new IllegalArgumentException("no member for [^" + body + "]");
    }
}
