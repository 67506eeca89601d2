package org.caart.agent.check.sca;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OsMatchTest {

    @Test
    void aPlainPatternIsFoundAnywhereIgnoringCase() {
        assertTrue(OsMatch.parse("caart").matches("10-CAaRT-admins"));
        assertFalse(OsMatch.parse("caart").matches("10-admins"));
    }

    @Test
    void anchorsAlternativesAndNegation() {
        assertTrue(OsMatch.parse("^10-").matches("10-x"));
        assertFalse(OsMatch.parse("^10-").matches("x10-"));
        assertTrue(OsMatch.parse(".conf$").matches("a.CONF"));
        assertFalse(OsMatch.parse(".conf$").matches("a.conf.bak"));
        assertTrue(OsMatch.parse("^sshd_config$").matches("sshd_config"));
        assertFalse(OsMatch.parse("^sshd_config$").matches("sshd_config.d"));
        assertTrue(OsMatch.parse("^a|^b").matches("bee"));
        assertTrue(OsMatch.parse("!^README").matches("10-x"));
        assertFalse(OsMatch.parse("!^README").matches("README"));
    }
}
