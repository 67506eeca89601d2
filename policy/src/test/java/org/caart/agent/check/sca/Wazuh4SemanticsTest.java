package org.caart.agent.check.sca;

import static org.caart.agent.check.sca.Sca.check;
import static org.caart.agent.check.sca.Sca.check4;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.caart.agent.check.FakeHost;
import org.caart.agent.check.Outcome;
import org.caart.agent.platform.common.FakePlatform;
import org.caart.contract.agent.v1.CheckStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wazuh 4.x content is evaluated as wm_sca.c does; the same rules in 5.x content keep 5.x semantics. */
class Wazuh4SemanticsTest {

    @TempDir
    Path root;

    private FakeHost host;

    @BeforeEach
    void fixtures() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/login.defs"), "# comment\nENCRYPT_METHOD SHA512\nUMASK 027\n");
        Files.writeString(root.resolve("etc/crlf.conf"), "PermitRootLogin no\r\nMaxAuthTries 4\r\n");
        host = new FakeHost(FakePlatform.linux().root(root));
    }

    private static void assertStatus(CheckStatus expected, Outcome outcome) {
        assertEquals(expected, outcome.status(),
                () -> "reason=" + outcome.reason() + " observed=" + outcome.observed());
    }

    @Test
    void literalsCompareCaseInsensitivelyInFourX() {
        assertStatus(CheckStatus.PASSED, check4(host, "all", "f:/etc/login.defs -> encrypt_method sha512"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "f:/etc/login.defs -> encrypt_method sha512"));
        assertStatus(CheckStatus.PASSED, check(host, "all", "f:/etc/login.defs -> ENCRYPT_METHOD SHA512"));
    }

    @Test
    void aLoneNegatedRegexMeansSomeLineDoesNotMatchInFourX() {
        assertStatus(CheckStatus.PASSED, check4(host, "all", "f:/etc/login.defs -> !r:^#"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "f:/etc/login.defs -> !r:^#"));
        assertStatus(CheckStatus.FAILED, check4(host, "all", "f:/etc/login.defs -> !r:\\w"));
    }

    @Test
    void aCommandLiteralIsComparedPerLineInFourX() {
        host.output("systemctl is-enabled auditd", 0, "enabled\nstatic\n");
        assertStatus(CheckStatus.PASSED, check4(host, "all", "c:systemctl is-enabled auditd -> Enabled"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "c:systemctl is-enabled auditd -> enabled"));
    }

    @Test
    void literalMintermsCombineWithRegexesInFourX() {
        assertStatus(CheckStatus.PASSED, check4(host, "all", "f:/etc/login.defs -> umask 027 && r:^UMASK"));
        assertStatus(CheckStatus.FAILED, check4(host, "all", "f:/etc/login.defs -> umask 022 && r:^UMASK"));
    }

    @Test
    void carriageReturnsAreTrimmedFromLinesInFourX() {
        assertStatus(CheckStatus.PASSED, check4(host, "all", "f:/etc/crlf.conf -> r:^PermitRootLogin no$"));
        assertStatus(CheckStatus.PASSED, check4(host, "all", "f:/etc/crlf.conf -> permitrootlogin no"));
        host.output("cat /etc/crlf.conf", 0, "PermitRootLogin no\r\n");
        assertStatus(CheckStatus.PASSED, check4(host, "all", "c:cat /etc/crlf.conf -> r:no$"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "c:cat /etc/crlf.conf -> r:no$"));
    }

    @Test
    void fileNamesInADirectoryRuleMatchAnywhereIgnoringCaseInFourX() throws IOException {
        Files.createDirectories(root.resolve("etc/sudoers.d"));
        Files.writeString(root.resolve("etc/sudoers.d/10-CAaRT-admins"), "Defaults use_pty\n");
        assertStatus(CheckStatus.PASSED, check4(host, "all", "d:/etc/sudoers.d -> caart"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "d:/etc/sudoers.d -> caart"));
        assertStatus(CheckStatus.PASSED, check4(host, "all", "d:/etc/sudoers.d -> ^10-|^20- -> r:use_pty"));
    }
}
