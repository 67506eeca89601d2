package org.caart.agent.check.sca;

/**
 * Wazuh/OSSEC OS_Regex to {@code java.util.regex}. OS_Regex knows the classes {@code \w \W \d \D \s
 * \S \t \p} and {@code \.} (any character), the modifiers {@code +} and {@code *} after a class,
 * {@code ^} at the start and {@code $} at the end of an alternative, {@code |} between whole
 * patterns, plain capture groups, and the escapes {@code \$ \( \) \\ \|}. Every other character is
 * literal (so {@code .}, {@code [} or {@code ?} match themselves). Anything else is refused.
 */
final class OsRegexTranslation {

    static final String WORD = "[A-Za-z0-9@_\\-]";
    static final String PUNCT = "[()*+,\\-.:;<=>?\\[\\]!\"'#$%&|{}]";

    private OsRegexTranslation() {
    }

    static String toJava(String regex) throws UnsupportedRegexException {
        StringBuilder out = new StringBuilder(regex.length() * 2);
        boolean afterClass = false;
        boolean inGroup = false;
        boolean alternativeStart = true;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            boolean classAppended = false;
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= regex.length()) {
                        throw unsupported(regex, "a trailing backslash");
                    }
                    char e = regex.charAt(++i);
                    String java = classFor(e);
                    if (java != null) {
                        out.append(java);
                        classAppended = true;
                    } else if ("$()\\|".indexOf(e) >= 0) {
                        out.append('\\').append(e);
                    } else {
                        throw unsupported(regex, "the escape \\" + e);
                    }
                }
                case '+', '*' -> {
                    if (!afterClass) {
                        throw unsupported(regex, "'" + c + "' after something other than a \\ class");
                    }
                    out.append(c);
                }
                case '^' -> {
                    if (!alternativeStart) {
                        throw unsupported(regex, "'^' not at the start of a pattern");
                    }
                    out.append('^');
                }
                case '$' -> {
                    if (i + 1 < regex.length() && regex.charAt(i + 1) != '|' || inGroup) {
                        throw unsupported(regex, "'$' not at the end of a pattern");
                    }
                    out.append('$');
                }
                case '|' -> {
                    if (inGroup) {
                        throw unsupported(regex, "'|' inside a group");
                    }
                    out.append('|');
                }
                case '(' -> {
                    if (inGroup) {
                        throw unsupported(regex, "nested groups");
                    }
                    inGroup = true;
                    out.append('(');
                }
                case ')' -> {
                    if (!inGroup) {
                        throw unsupported(regex, "an unbalanced ')'");
                    }
                    inGroup = false;
                    out.append(')');
                }
                default -> out.append(literal(c));
            }
            afterClass = classAppended;
            alternativeStart = c == '|';
        }
        if (inGroup) {
            throw unsupported(regex, "an unclosed '('");
        }
        return out.toString();
    }

    private static String classFor(char e) {
        return switch (e) {
            case 'w' -> WORD;
            case 'W' -> "[^A-Za-z0-9@_\\-]";
            case 'd' -> "[0-9]";
            case 'D' -> "[^0-9]";
            case 's' -> " ";
            case 'S' -> "[^ ]";
            case 't' -> "\\t";
            case 'p' -> PUNCT;
            case '.' -> "(?s:.)";
            default -> null;
        };
    }

    private static String literal(char c) {
        return Character.isLetterOrDigit(c) || c == ' ' ? String.valueOf(c) : "\\" + c;
    }

    private static UnsupportedRegexException unsupported(String regex, String construct) {
        return new UnsupportedRegexException("OS_Regex construct the agent cannot translate exactly in '" + regex
                + "': " + construct);
    }
}
