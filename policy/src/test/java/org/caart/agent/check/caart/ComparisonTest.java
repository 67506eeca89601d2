package org.caart.agent.check.caart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.caart.agent.check.PolicyException;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static Comparison of(Map<String, Object> fields) throws PolicyException {
        return Comparison.read(new Fields("t.yml", "check 'x'", fields));
    }

    private static boolean holds(String op, Object value, String observed) throws PolicyException {
        Comparison comparison = of(Map.of("op", op, value instanceof java.util.List ? "values" : "value", value));
        return comparison.test(observed).holds();
    }

    @Test
    void equalityIsNumericForNumbersAndCaseInsensitiveForText() throws PolicyException {
        assertTrue(holds("eq", "1", "0x1"));
        assertTrue(holds("eq", "8", "08"));
        assertTrue(holds("eq", "no", "No"));
        assertFalse(holds("eq", "no", "yes"));
        assertTrue(holds("ne", "none", "/etc/issue.net"));
    }

    @Test
    void orderingOperators() throws PolicyException {
        assertTrue(holds("lt", "5", "4"));
        assertFalse(holds("lt", "5", "5"));
        assertTrue(holds("le", "5", "5"));
        assertTrue(holds("gt", "0", "15"));
        assertTrue(holds("ge", "14", "14"));
        assertFalse(holds("ge", "14", "-1"));
    }

    @Test
    void orderingANonNumberCannotBeJudged() throws PolicyException {
        assertNotNull(of(Map.of("op", "ge", "value", "1")).test("none").problem());
    }

    @Test
    void setOperators() throws PolicyException {
        assertTrue(holds("in", java.util.List.of("INFO", "VERBOSE"), "verbose"));
        assertFalse(holds("not-in", java.util.List.of("1", "2"), "2"));
        assertTrue(holds("includes", java.util.List.of("aes256-ctr"), "aes128-ctr,aes256-ctr"));
        assertFalse(holds("excludes", java.util.List.of("aes128-cbc"), "aes256-ctr, aes128-cbc"));
    }

    @Test
    void regexOperatorsUseFind() throws PolicyException {
        assertTrue(holds("regex", "^[1-5]$", "3"));
        assertFalse(holds("regex", "^[1-5]$", "13"));
        assertTrue(holds("not-regex", "cbc", "aes256-ctr"));
    }

    @Test
    void presenceOperators() throws PolicyException {
        assertTrue(of(Map.of("op", "present")).test("anything").holds());
        assertFalse(of(Map.of("op", "absent")).test("anything").holds());
    }

    @Test
    void badOperandsAreRejectedAtParseTime() {
        assertThrows(PolicyException.class, () -> of(Map.of("op", "ge", "value", "many")));
        assertThrows(PolicyException.class, () -> of(Map.of("op", "in")));
        assertThrows(PolicyException.class, () -> of(Map.of("op", "regex", "value", "(")));
        assertThrows(PolicyException.class, () -> of(Map.of("op", "present", "value", "1")));
        PolicyException unknown = assertThrows(PolicyException.class, () -> of(Map.of("op", "like", "value", "1")));
        assertEquals("t.yml: check 'x': field 'op' must be one of [eq, ne, lt, le, gt, ge, in, not-in, regex, not-regex,"
                + " includes, excludes, present, absent], not 'like'", unknown.getMessage());
    }
}
