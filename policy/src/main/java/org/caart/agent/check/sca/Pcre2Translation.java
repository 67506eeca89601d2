package org.caart.agent.check.sca;

import java.util.Map;

/**
 * PCRE2 to {@code java.util.regex}: the two agree on almost everything policies use. This class
 * rewrites the differences it can (POSIX bracket classes, {@code [} and {@code &&} inside classes,
 * {@code \N}, {@code \g} back references, {@code (?P<name>}) and refuses the constructs Java lacks
 * ({@code \K}, recursion, conditionals, backtracking verbs, branch reset, {@code \o{}}).
 */
final class Pcre2Translation {

    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\p{Digit}"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "\\p{XDigit}"), Map.entry("blank", "\\p{Blank}"),
            Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("print", "\\p{Print}"), Map.entry("graph", "\\p{Graph}"),
            Map.entry("word", "\\w"), Map.entry("ascii", "\\p{ASCII}"));

    private Pcre2Translation() {
    }

    static String toJava(String regex) throws UnsupportedRegexException {
        StringBuilder out = new StringBuilder(regex.length() + 8);
        boolean inClass = false;
        int classStart = -1;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i = escape(regex, i, out, inClass);
            } else if (inClass) {
                if (c == ']' && i > classStart) {
                    inClass = false;
                    out.append(c);
                } else if (c == '[' && regex.startsWith("[:", i)) {
                    i = posixClass(regex, i, out);
                } else if (c == '[' || c == ']' || (c == '&' && i + 1 < regex.length() && regex.charAt(i + 1) == '&')) {
                    out.append('\\').append(c);
                } else {
                    out.append(c);
                }
            } else if (c == '[') {
                inClass = true;
                out.append(c);
                int next = i + 1;
                if (next < regex.length() && regex.charAt(next) == '^') {
                    out.append('^');
                    next++;
                }
                if (next < regex.length() && regex.charAt(next) == ']') {
                    out.append("\\]");
                    next++;
                }
                i = next - 1;
                classStart = next;
            } else if (c == '(' && i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                i = group(regex, i, out);
            } else if (c == '(' && regex.startsWith("(*", i)) {
                throw unsupported(regex, "backtracking control verbs (*...)");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int escape(String regex, int i, StringBuilder out, boolean inClass) throws UnsupportedRegexException {
        if (i + 1 >= regex.length()) {
            throw unsupported(regex, "a trailing backslash");
        }
        char e = regex.charAt(i + 1);
        switch (e) {
            case 'K' -> throw unsupported(regex, "\\K (reset match start)");
            case 'o' -> throw unsupported(regex, "\\o{...} octal escapes");
            case 'C' -> throw unsupported(regex, "\\C (single code unit)");
            case 'N' -> {
                if (i + 2 < regex.length() && regex.charAt(i + 2) == '{') {
                    throw unsupported(regex, "\\N{...}");
                }
                out.append(inClass ? "\\n" : "[^\\n]");
                return i + 1;
            }
            case 'g' -> {
                return backReference(regex, i, out);
            }
            case 'Q' -> {
                int end = regex.indexOf("\\E", i + 2);
                String quoted = end < 0 ? regex.substring(i + 2) : regex.substring(i + 2, end);
                for (char q : quoted.toCharArray()) {
                    out.append(Character.isLetterOrDigit(q) || q == ' ' ? String.valueOf(q) : "\\" + q);
                }
                return end < 0 ? regex.length() : end + 1;
            }
            default -> {
                out.append('\\').append(e);
                return i + 1;
            }
        }
    }

    private static int backReference(String regex, int i, StringBuilder out) throws UnsupportedRegexException {
        int j = i + 2;
        boolean braces = j < regex.length() && regex.charAt(j) == '{';
        int start = braces ? j + 1 : j;
        int end = start;
        while (end < regex.length() && Character.isDigit(regex.charAt(end))) {
            end++;
        }
        if (end == start || (braces && (end >= regex.length() || regex.charAt(end) != '}'))) {
            throw unsupported(regex, "\\g relative or named back references");
        }
        out.append('\\').append(regex, start, end);
        return braces ? end : end - 1;
    }

    private static int posixClass(String regex, int i, StringBuilder out) throws UnsupportedRegexException {
        int end = regex.indexOf(":]", i + 2);
        if (end < 0) {
            out.append("\\[");
            return i;
        }
        String name = regex.substring(i + 2, end);
        boolean negated = name.startsWith("^");
        String java = POSIX.get(negated ? name.substring(1) : name);
        if (java == null) {
            throw unsupported(regex, "POSIX class [:" + name + ":]");
        }
        if (negated) {
            java = java.startsWith("\\p") ? "\\P" + java.substring(2) : java.toUpperCase();
        }
        out.append(java);
        return end + 1;
    }

    private static int group(String regex, int i, StringBuilder out) throws UnsupportedRegexException {
        String rest = regex.substring(i + 2);
        if (rest.startsWith("P<")) {
            out.append("(?<");
            return i + 3;
        }
        if (rest.startsWith("R") || rest.startsWith("&") || rest.startsWith("P>") || rest.startsWith("P=")
                || (!rest.isEmpty() && (Character.isDigit(rest.charAt(0)) || rest.charAt(0) == '+'
                        || (rest.charAt(0) == '-' && rest.length() > 1 && Character.isDigit(rest.charAt(1)))))) {
            throw unsupported(regex, "recursion or subroutine calls (?R), (?1), (?&name)");
        }
        if (rest.startsWith("(")) {
            throw unsupported(regex, "conditional groups (?(...)...)");
        }
        if (rest.startsWith("|")) {
            throw unsupported(regex, "branch reset groups (?|...)");
        }
        if (rest.startsWith("'") || rest.startsWith("C") || rest.startsWith("#")) {
            throw unsupported(regex, "(?'name'...), callouts and (?#...) comments");
        }
        out.append('(');
        return i;
    }

    private static UnsupportedRegexException unsupported(String regex, String construct) {
        return new UnsupportedRegexException("PCRE2 construct without a Java equivalent in '" + regex + "': " + construct);
    }
}
