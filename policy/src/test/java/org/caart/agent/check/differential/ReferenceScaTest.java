package org.caart.agent.check.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The reference evaluator and the example writer on their own, so a disagreement is not blamed on them. */
class ReferenceScaTest {

    @Test
    void contentFollowsTheDocumentedFiveXSemantics() {
        List<String> lines = List.of("# PermitRootLogin yes", "PermitRootLogin no", "MaxAuthTries 4");
        assertEquals(ReferenceSca.Result.FOUND, ReferenceSca.content("r:^PermitRootLogin\\s+no", lines));
        assertEquals(ReferenceSca.Result.NOT_FOUND, ReferenceSca.content("!r:^#", lines));
        assertEquals(ReferenceSca.Result.FOUND, ReferenceSca.content("!r:^Port", lines));
        assertEquals(ReferenceSca.Result.FOUND, ReferenceSca.content("n:^MaxAuthTries\\s+(\\d+) compare <= 4", lines));
        assertEquals(ReferenceSca.Result.NOT_FOUND, ReferenceSca.content("MaxAuthTries  4", lines));
        assertEquals(ReferenceSca.Result.NOT_FOUND, ReferenceSca.content("!r:x", List.of()));
    }

    @Test
    void examplesMatchTheirRegexAndCarryTheNumber() {
        Optional<String> line = Witness.of("^\\s*MaxAuthTries\\s+(\\d+)", "7");
        assertEquals(Optional.of("MaxAuthTries 7"), line);
        assertTrue(Witness.of("^\\s*(?:a|b)[^#]+\\.conf$").isPresent());
        assertEquals(Optional.empty(), Witness.of("^\\s*(\\d+)$", "-1"));
        assertEquals(List.of("MaxAuthTries 5"), Fixtures.lines("n:^\\s*MaxAuthTries\\s+(\\d+) compare <= 4", false));
    }
}
