package org.caart.agent.platform.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DpkgStatusParserTest {

    private final Map<String, InstalledPackage> installed = DpkgStatusParser.installed(Fixtures.lines("dpkg-status"));

    @Test
    void installedPackagesAreFoundWithTheirVersion() {
        assertEquals(new InstalledPackage("auditd", "1:3.0.9-1", "dpkg"), installed.get("auditd"));
        assertEquals("1:9.2p1-2+deb12u3", installed.get("openssh-server").version());
    }

    @Test
    void removedPackagesWithLeftoverConfigurationDoNotCount() {
        assertFalse(installed.containsKey("telnet"));
    }

    @Test
    void halfInstalledPackagesDoNotCount() {
        assertFalse(installed.containsKey("rsh-client"));
    }

    @Test
    void multiArchPackagesAppearOnceAndContinuationLinesAreNotFields() {
        assertTrue(installed.containsKey("libc6"));
        assertEquals(3, installed.size());
    }

    @Test
    void lastStanzaWithoutTrailingBlankLineIsRead() {
        assertTrue(DpkgStatusParser.installed(List.of("Package: a", "Status: install ok installed", "Version: 1"))
                .containsKey("a"));
    }
}
