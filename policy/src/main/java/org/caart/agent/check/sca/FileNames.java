package org.caart.agent.check.sca;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The file-name part of {@code d:DIR -> NAME}. In 5.x content it is matched like content (a literal equals the whole
 * name, {@code r:} is a regex of the policy's dialect); in 4.x content {@code r:NAME} is always OS_Regex and any other
 * name an {@link OsMatch} pattern, as {@code wm_sca_check_dir} does.
 */
record FileNames(String text, Predicate<String> filter) {

    static FileNames parse(String text, RegexDialect dialect, ScaVersion version) throws UnsupportedRegexException {
        if (version == ScaVersion.V5) {
            Content content = Content.parse(text, dialect, version);
            return new FileNames(text, name -> content.matchLines(List.of(name)).matched());
        }
        if (text.startsWith("r:")) {
            Pattern regex = RegexDialect.OS_REGEX.compile(text.substring(2));
            return new FileNames(text, name -> regex.matcher(name).find());
        }
        OsMatch match = OsMatch.parse(text);
        return new FileNames(text, match::matches);
    }

    boolean matches(String name) {
        return filter.test(name);
    }
}
