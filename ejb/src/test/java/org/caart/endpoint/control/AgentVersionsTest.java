package org.caart.endpoint.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.caart.contract.agent.v1.HostView;
import org.caart.platform.ForbiddenException;
import org.junit.jupiter.api.Test;

class AgentVersionsTest {

    @Test
    void versionsCompareByTheirNumbers() {
        assertTrue(AgentVersions.atLeast("0.1.0-SNAPSHOT", "0.1"));
        assertTrue(AgentVersions.atLeast("0.10.0", "0.9.3"));
        assertTrue(AgentVersions.atLeast("1.2", "1.2.0"));
        assertFalse(AgentVersions.atLeast("0.0.9", "0.1"));
        assertFalse(AgentVersions.atLeast("1.2.0", "1.2.1"));
        assertFalse(AgentVersions.atLeast("test", "0.1"), "a version without a number is not new enough");
        assertTrue(AgentVersions.atLeast("99999999999.0", "1.0"), "a huge number does not overflow");
    }

    @Test
    void anOlderAgentIsRefusedWithWhatToInstallAndAnyAgentWithoutAMinimum() {
        AgentVersions versions = new AgentVersions();
        versions.minimum = Optional.empty();
        assertDoesNotThrow(() -> versions.require(host("0.0.1")));
        versions.minimum = Optional.of("0.2");
        assertDoesNotThrow(() -> versions.require(host("0.2.0")));
        ForbiddenException refused = assertThrows(ForbiddenException.class, () -> versions.require(host("0.1.5")));
        assertTrue(refused.getMessage().contains("version 0.1.5") && refused.getMessage().contains("0.2 or newer")
                && refused.getMessage().contains("/api/agent/v1/download/caart-agent.jar"), refused.getMessage());
        assertTrue(assertThrows(ForbiddenException.class, () -> versions.require(host("\u202Eevil\n")))
                .getMessage().contains("version ?evil)"), "the agent's text is not echoed raw");
    }

    private static HostView host(String version) {
        return new HostView("h", "Debian", "LINUX", "12", null, version, null, null);
    }
}
