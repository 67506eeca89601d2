package org.caart.agent.check.sca;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expression dialect of a policy: Wazuh 5.x (and 4.x with {@code regex_type: pcre2})
 * uses PCRE2, compiled case-insensitive and multiline; Wazuh 4.x defaults to OS_Regex. Both are
 * translated to {@link java.util.regex.Pattern}; what cannot be translated exactly is refused.
 */
enum RegexDialect {
    PCRE2, OS_REGEX;

    /** UNIX_LINES: only {@code \n} ends a line, so {@code $} does not match before a {@code \r} (as in PCRE2). */
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | Pattern.UNIX_LINES;

    Pattern compile(String regex) throws UnsupportedRegexException {
        String java = this == PCRE2 ? Pcre2Translation.toJava(regex) : OsRegexTranslation.toJava(regex);
        try {
            return Pattern.compile(java, FLAGS);
        } catch (PatternSyntaxException e) {
            throw new UnsupportedRegexException("invalid " + label() + " regex '" + regex + "': "
                    + e.getDescription());
        }
    }

    String label() {
        return this == PCRE2 ? "PCRE2" : "OS_Regex";
    }
}
