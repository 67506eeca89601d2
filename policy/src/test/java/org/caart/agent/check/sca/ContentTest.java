package org.caart.agent.check.sca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTest {

    private static boolean matches(String pattern, String... lines) throws Exception {
        return Content.parse(pattern, RegexDialect.PCRE2).matchLines(List.of(lines)).matched();
    }

    @Test
    void oneLineMustSatisfyAllMinterms() throws Exception {
        assertTrue(matches("r:^PermitRootLogin && r:no$", "PermitRootLogin no"));
        assertFalse(matches("r:^PermitRootLogin && r:no$", "PermitRootLogin yes", "something no"));
    }

    @Test
    void negatedMintermExcludesTheLineItIsOn() throws Exception {
        assertTrue(matches("r:install && !r:deinstall", "deinstall ok", "install ok installed"));
        assertFalse(matches("r:install && !r:deinstall", "deinstall ok"));
    }

    @Test
    void loneNegatedMintermMeansNoLineMatches() throws Exception {
        assertTrue(matches("!r:^\\s*Banner", "# nothing", "Port 22"));
        assertFalse(matches("!r:^\\s*Banner", "Port 22", "  Banner /etc/issue"));
    }

    @Test
    void emptyContentIsFalseEvenForALoneNegation() throws Exception {
        assertFalse(matches("r:.*"));
        assertFalse(matches("!r:anything"));
    }

    @Test
    void bareLiteralMustEqualAWholeLine() throws Exception {
        assertTrue(matches("enabled", "masked", "enabled"));
        assertFalse(matches("enabled", "is enabled"));
        assertTrue(Content.parse("enabled", RegexDialect.PCRE2).literal());
    }

    @Test
    void pcre2IsCaseInsensitive() throws Exception {
        assertTrue(matches("r:^permitrootlogin\\s+NO", "PermitRootLogin no"));
    }

    @ParameterizedTest
    @CsvSource({"<,6,true", "<,5,false", "<=,5,true", "<=,4,false", "==,5,true", "==,4,false", "!=,4,true",
            "!=,5,false", ">=,5,true", ">=,6,false", ">,4,true", ">,5,false"})
    void numericCompareAppliesEachOperator(String operator, String value, boolean expected) throws Exception {
        assertEquals(expected, matches("n:^MaxAuthTries\\s+(\\d+) compare " + operator + " " + value,
                "MaxAuthTries 5"));
    }

    @Test
    void numericCompareWithoutMatchingLineIsFalse() throws Exception {
        assertFalse(matches("n:^MaxAuthTries\\s+(\\d+) compare < 10", "Port 22"));
    }

    @Test
    void numericCompareUsesTheFirstGroupAndANegativeValue() throws Exception {
        assertTrue(matches("n:ucredit\\s*=\\s*(-?\\d+) compare < 0", "ucredit = -1"));
    }

    @Test
    void numericCompareOfANonNumberIsAnError() throws Exception {
        Content content = Content.parse("n:^key (\\w+) compare > 1", RegexDialect.PCRE2);
        assertThrows(IllegalStateException.class, () -> content.matchLines(List.of("key abc")));
    }

    @Test
    void numericTermNeedsAValidOperator() {
        assertThrows(UnsupportedRegexException.class,
                () -> Content.parse("n:^x (\\d+) compare => 1", RegexDialect.PCRE2));
    }
}
