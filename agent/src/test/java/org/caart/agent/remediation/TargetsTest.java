package org.caart.agent.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TargetsTest {

    private static Optional<String> target(Map<String, Object> fields) {
        return Targets.of(new CheckSpec("sysctl", fields), Optional.empty());
    }

    @Test
    void theCheckNamesTheValue() {
        assertEquals(Optional.of("0"), target(Map.of("value", "0")));
        assertEquals(Optional.of("INFO"), target(Map.of("op", "in", "values", List.of("INFO", "VERBOSE"))));
        assertEquals(Optional.of("24"), target(Map.of("op", "ge", "value", "24")));
        assertEquals(Optional.of("1"), target(Map.of("op", "gt", "value", "0")));
        assertEquals(Optional.of("9"), target(Map.of("op", "lt", "value", "10")));
    }

    @Test
    void operatorsWithoutOneValueNameNothingUnlessTheCatalogDoes() {
        assertEquals(Optional.empty(), target(Map.of("op", "ne", "value", "none")));
        assertEquals(Optional.empty(), target(Map.of("op", "regex", "value", "^[1-5]$")));
        assertEquals(Optional.of("5"), Targets.of(new CheckSpec("security-policy", Map.of("op", "regex", "value",
                "^[1-5]$")), Optional.of(new CatalogEntries.Entry("5", null, null, null))));
    }
}
