package org.caart.agent.check.sca;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegexDialectTest {

    private static boolean find(RegexDialect dialect, String regex, String text) throws Exception {
        return dialect.compile(regex).matcher(text).find();
    }

    @Test
    void osRegexBackslashDotMatchesAnyCharacterWherePcre2MatchesADot() throws Exception {
        assertTrue(find(RegexDialect.OS_REGEX, "12\\.", "12x"));
        assertFalse(find(RegexDialect.PCRE2, "12\\.", "12x"));
        assertTrue(find(RegexDialect.PCRE2, "12\\.", "12.1"));
    }

    @Test
    void osRegexPlainDotIsALiteral() throws Exception {
        assertTrue(find(RegexDialect.OS_REGEX, "a.b", "a.b"));
        assertFalse(find(RegexDialect.OS_REGEX, "a.b", "axb"));
    }

    @Test
    void osRegexSpaceClassIsOnlyTheSpaceCharacter() throws Exception {
        assertTrue(find(RegexDialect.OS_REGEX, "^Port\\s+22", "Port  22"));
        assertFalse(find(RegexDialect.OS_REGEX, "^Port\\s+22", "Port\t22"));
        assertTrue(find(RegexDialect.PCRE2, "^Port\\s+22", "Port\t22"));
    }

    @Test
    void osRegexWordClassIncludesAtHyphenAndUnderscore() throws Exception {
        assertTrue(find(RegexDialect.OS_REGEX, "^\\w+$", "a-b@c_d9"));
        assertFalse(find(RegexDialect.OS_REGEX, "^\\w+$", "a.b"));
    }

    @Test
    void osRegexPunctuationAndDigitClasses() throws Exception {
        assertTrue(find(RegexDialect.OS_REGEX, "^\\d\\d\\p$", "42;"));
        assertFalse(find(RegexDialect.OS_REGEX, "^\\d\\d\\p$", "42/"));
    }

    @Test
    void osRegexIsCaseInsensitiveWithAlternativesAndEscapes() throws Exception {
        assertTrue(find(RegexDialect.OS_REGEX, "^yes$|^NO$", "no"));
        assertTrue(find(RegexDialect.OS_REGEX, "cost \\$\\(x\\)", "COST $(X)"));
    }

    @Test
    void osRegexRefusesWhatItCannotTranslateExactly() {
        assertThrows(UnsupportedRegexException.class, () -> RegexDialect.OS_REGEX.compile("ab+"));
        assertThrows(UnsupportedRegexException.class, () -> RegexDialect.OS_REGEX.compile("a^b"));
        assertThrows(UnsupportedRegexException.class, () -> RegexDialect.OS_REGEX.compile("a\\nb"));
        assertThrows(UnsupportedRegexException.class, () -> RegexDialect.OS_REGEX.compile("((a))"));
    }

    @Test
    void osRegexGroupsCapture() throws Exception {
        var matcher = RegexDialect.OS_REGEX.compile("PASS_MAX_DAYS\\s+(\\d+)").matcher("PASS_MAX_DAYS 90");
        assertTrue(matcher.find());
        assertTrue(matcher.group(1).equals("90"));
    }

    @Test
    void pcre2PosixClassesAreTranslated() throws Exception {
        assertTrue(find(RegexDialect.PCRE2, "^[[:digit:]]+[[:space:]]x$", "123 x"));
        assertFalse(find(RegexDialect.PCRE2, "^[[:digit:]]+$", "12a"));
        assertTrue(find(RegexDialect.PCRE2, "^[^[:space:]]+$", "abc"));
    }

    @Test
    void pcre2BracketAndIntersectionSyntaxStayLiteralInsideClasses() throws Exception {
        assertTrue(find(RegexDialect.PCRE2, "^[a[]+$", "a[a"));
        assertTrue(find(RegexDialect.PCRE2, "^[&&]+$", "&&"));
        assertTrue(find(RegexDialect.PCRE2, "^[]x]+$", "]x"));
    }

    @Test
    void pcre2ConstructsJavaLacksAreRefused() {
        assertThrows(UnsupportedRegexException.class, () -> RegexDialect.PCRE2.compile("foo\\Kbar"));
        assertThrows(UnsupportedRegexException.class, () -> RegexDialect.PCRE2.compile("a(?R)?b"));
        assertThrows(UnsupportedRegexException.class, () -> RegexDialect.PCRE2.compile("(?(1)a|b)"));
        assertThrows(UnsupportedRegexException.class, () -> RegexDialect.PCRE2.compile("(*FAIL)"));
        assertThrows(UnsupportedRegexException.class, () -> RegexDialect.PCRE2.compile("[[:nosuch:]]"));
    }

    @Test
    void pcre2BackReferencesAndPythonNamedGroupsAreTranslated() throws Exception {
        assertTrue(find(RegexDialect.PCRE2, "(a)\\g1", "aa"));
        assertTrue(find(RegexDialect.PCRE2, "(?P<x>b)\\g{1}", "bb"));
        assertTrue(find(RegexDialect.PCRE2, "a\\Nc", "abc"));
    }
}
