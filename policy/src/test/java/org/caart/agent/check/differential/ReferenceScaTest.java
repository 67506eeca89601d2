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
        assertEquals(ReferenceSca.Result.FOUND, ReferenceSca.V5.content("r:^PermitRootLogin\\s+no", lines));
        assertEquals(ReferenceSca.Result.NOT_FOUND, ReferenceSca.V5.content("!r:^#", lines));
        assertEquals(ReferenceSca.Result.FOUND, ReferenceSca.V5.content("!r:^Port", lines));
        assertEquals(ReferenceSca.Result.FOUND,
                ReferenceSca.V5.content("n:^MaxAuthTries\\s+(\\d+) compare <= 4", lines));
        assertEquals(ReferenceSca.Result.NOT_FOUND, ReferenceSca.V5.content("MaxAuthTries  4", lines));
        assertEquals(ReferenceSca.Result.NOT_FOUND, ReferenceSca.V5.content("!r:x", List.of()));
    }

    @Test
    void contentFollowsWazuhFourX() {
        ReferenceSca v4 = new ReferenceSca(true);
        List<String> lines = List.of("# PermitRootLogin yes", "PermitRootLogin no\r");
        assertEquals(ReferenceSca.Result.FOUND, v4.content("!r:^#", lines));
        assertEquals(ReferenceSca.Result.FOUND, v4.content("permitrootlogin NO", lines));
        assertEquals(ReferenceSca.Result.FOUND, v4.content("r:no$", lines));
        assertEquals(ReferenceSca.Result.NOT_FOUND, v4.content("!r:PermitRootLogin", lines));
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
