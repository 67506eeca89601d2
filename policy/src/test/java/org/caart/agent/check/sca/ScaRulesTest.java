package org.caart.agent.check.sca;

import org.caart.agent.platform.common.FakePlatform;
import static org.caart.agent.check.sca.Sca.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.caart.agent.check.CommandRun;
import org.caart.agent.check.FakeHost;
import org.caart.agent.check.Outcome;
import org.caart.agent.platform.common.RegistryValue;
import org.caart.contract.agent.v1.CheckStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaRulesTest {

    @TempDir
    Path root;

    private FakeHost host;

    @BeforeEach
    void fixtures() throws IOException {
        write("etc/ssh/sshd_config", "# comment\nPort 22\nPermitRootLogin no\nMaxAuthTries 4\n");
        write("etc/empty.conf", "");
        write("etc/sudoers.d/10-caart", "Defaults use_pty\n");
        write("etc/sudoers.d/README", "# Defaults logfile\n");
        write("etc/pwq/conf.d/50.conf", "minlen = 14\n");
        Files.createDirectories(root.resolve("etc/emptydir"));
        host = new FakeHost(FakePlatform.linux().root(root).process(100, "auditd", "/usr/sbin/auditd"));
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void assertStatus(CheckStatus expected, Outcome outcome) {
        assertEquals(expected, outcome.status(), () -> "reason=" + outcome.reason() + " observed=" + outcome.observed());
    }

    @Test
    void fileExistsAndNotFileExists() {
        assertStatus(CheckStatus.PASSED, check(host, "all", "f:/etc/ssh/sshd_config"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "f:/etc/nothing"));
        assertStatus(CheckStatus.PASSED, check(host, "all", "not f:/etc/nothing"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "f:/etc/emptydir"));
    }

    @Test
    void fileContentRecordsTheMatchingLineAsEvidence() {
        Outcome outcome = check(host, "all", "f:/etc/ssh/sshd_config -> r:^PermitRootLogin\\s+no");
        assertStatus(CheckStatus.PASSED, outcome);
        assertTrue(outcome.observed().contains("line: PermitRootLogin no"), outcome.observed());
        assertTrue(outcome.expected().contains("f:/etc/ssh/sshd_config -> r:^PermitRootLogin\\s+no"));
    }

    @Test
    void contentOfAMissingFileIsNotApplicableNotFailed() {
        Outcome outcome = check(host, "all", "not f:/etc/nothing -> r:anything");
        assertStatus(CheckStatus.NOT_APPLICABLE, outcome);
        assertTrue(outcome.reason().contains("file not found: /etc/nothing"), outcome.reason());
    }

    @Test
    void emptyFileContentNeverMatchesEvenNegated() {
        assertStatus(CheckStatus.FAILED, check(host, "all", "f:/etc/empty.conf -> !r:^PermitRootLogin"));
        assertStatus(CheckStatus.PASSED, check(host, "all", "not f:/etc/empty.conf -> r:.*"));
    }

    @Test
    void numericRuleOnAFile() {
        assertStatus(CheckStatus.PASSED, check(host, "all", "f:/etc/ssh/sshd_config -> n:^MaxAuthTries\\s+(\\d+) compare <= 4"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "f:/etc/ssh/sshd_config -> n:^MaxAuthTries\\s+(\\d+) compare < 4"));
    }

    @Test
    void directoryExistenceAndFileNames() {
        assertStatus(CheckStatus.PASSED, check(host, "all", "d:/etc/sudoers.d"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "d:/etc/nodir"));
        assertStatus(CheckStatus.PASSED, check(host, "all", "d:/etc/sudoers.d -> README"));
        assertStatus(CheckStatus.PASSED, check(host, "all", "d:/etc/sudoers.d -> r:^10-"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "d:/etc/sudoers.d -> r:^99-"));
    }

    @Test
    void directoryContentLooksIntoMatchingFiles() {
        assertStatus(CheckStatus.PASSED, check(host, "all", "d:/etc/sudoers.d -> r:.* -> !r:^# && r:Defaults\\s*use_pty"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "d:/etc/sudoers.d -> r:.* -> !r:^# && r:Defaults\\s*logfile"));
        assertStatus(CheckStatus.NOT_APPLICABLE, check(host, "all", "d:/etc/nodir -> r:.* -> r:x"));
    }

    @Test
    void directoryGlobsAreExpanded() {
        assertStatus(CheckStatus.PASSED, check(host, "all",
                "d:/etc/pwq/* -> r:.+\\.conf$ -> n:minlen\\s*=\\s*(\\d+) compare >= 14"));
    }

    @Test
    void aStartDirectoryThatIsASymbolicLinkIsSearched() throws IOException {
        write("x/conf.d/admins", "%admin ALL=(ALL) NOPASSWD: ALL\n");
        Files.createSymbolicLink(root.resolve("x/conf.link"), Path.of("conf.d"));
        Files.createSymbolicLink(root.resolve("x/abs.link"), Path.of("/x/conf.d"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "not d:/x/conf.d -> r:.* -> r:NOPASSWD"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "not d:/x/conf.link/ -> r:.* -> r:NOPASSWD"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "not d:/x/conf.link -> r:.* -> r:NOPASSWD"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "not d:/x/abs.link -> r:.* -> r:NOPASSWD"));
        assertStatus(CheckStatus.PASSED, check(host, "all", "d:/x/conf.link -> admins"));
    }

    @Test
    void aDirectoryGlobMatchingFilesEvaluatesThoseFiles() throws IOException {
        write("etc/security/pwquality.conf.d/50-caart.conf", "minlen = 14\n");
        write("etc/security/pwquality.conf.d/README", "minlen = 1\n");
        String rule = "d:/etc/security/pwquality.conf.d/* -> r:.+\\.conf$ -> n:minlen\\s*=\\s*(\\d+) compare >= 14";
        Outcome outcome = check(host, "all", rule);
        assertStatus(CheckStatus.PASSED, outcome);
        assertFalse(outcome.observed().contains("directory not found"), outcome.observed());
        write("etc/security/pwquality.conf.d/60-weak.conf", "minlen = 8\n");
        assertStatus(CheckStatus.FAILED, check(host, "all", "not " + rule.replace(">= 14", "< 14")));
        assertStatus(CheckStatus.PASSED, check(host, "all", "d:/etc/security/pwquality.conf.d/* -> README"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "d:/etc/security/pwquality.conf.d/* -> r:^99"));
    }

    @Test
    void dollarDoesNotMatchBeforeACarriageReturnInFiveX() throws IOException {
        write("etc/crlf.conf", "PermitRootLogin no\r\nMaxAuthTries 4\r\n");
        assertStatus(CheckStatus.FAILED, check(host, "all", "f:/etc/crlf.conf -> r:^PermitRootLogin no$"));
        assertStatus(CheckStatus.PASSED, check(host, "all", "f:/etc/crlf.conf -> r:^PermitRootLogin no\\r$"));
        assertStatus(CheckStatus.PASSED, check(host, "all", "f:/etc/crlf.conf -> r:^PermitRootLogin no"));
    }

    @Test
    void commandOutputIsMatchedLineByLine() {
        host.output("sshd -T", 0, "port 22\npermitrootlogin no\nmaxauthtries 4\n");
        Outcome outcome = check(host, "all", "c:sshd -T -> r:^permitrootlogin\\s+no");
        assertStatus(CheckStatus.PASSED, outcome);
        assertTrue(outcome.observed().contains("exit code 0"), outcome.observed());
        assertStatus(CheckStatus.PASSED, check(host, "all", "c:sshd -T -> !r:^permitemptypasswords\\s+yes"));
    }

    @Test
    void emptyCommandOutputIsFalseEvenForALoneNegation() {
        host.output("findmnt -kn /tmp", 1, "\n");
        assertStatus(CheckStatus.FAILED, check(host, "all", "c:findmnt -kn /tmp -> !r:noexec"));
        assertStatus(CheckStatus.PASSED, check(host, "all", "not c:findmnt -kn /tmp -> r:noexec"));
    }

    @Test
    void literalCommandPatternComparesTheWholeTrimmedOutput() {
        host.output("systemctl is-enabled auditd", 0, "enabled\n");
        assertStatus(CheckStatus.PASSED, check(host, "all", "c:systemctl is-enabled auditd -> enabled"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "c:systemctl is-enabled auditd -> enable"));
    }

    @Test
    void commandWithoutPatternPassesWhenItRuns() {
        host.output("true", 1, "");
        assertStatus(CheckStatus.PASSED, check(host, "all", "c:true"));
    }

    @Test
    void missingCommandIsNotApplicableWithItsReason() {
        Outcome outcome = check(host, "all", "not c:nft list ruleset -> r:hook input");
        assertStatus(CheckStatus.NOT_APPLICABLE, outcome);
        assertTrue(outcome.reason().contains("command not found: nft list ruleset"), outcome.reason());
    }

    @Test
    void commandTimeoutIsAnError() {
        host.result("sleep 99", CommandRun.timedOut("", "timed out after 30 s"));
        Outcome outcome = check(host, "all", "c:sleep 99 -> r:x");
        assertStatus(CheckStatus.ERROR, outcome);
        assertTrue(outcome.reason().contains("timed out"), outcome.reason());
    }

    @Test
    void commandsAreNotRunWhenTheHostRefusesThem() {
        FakeHost refusing = new FakeHost(FakePlatform.linux().root(root), false);
        Outcome outcome = check(refusing, "all", "c:id -> r:root");
        assertStatus(CheckStatus.NOT_RUN, outcome);
        assertEquals("not run: commands from the server are disabled on this host", outcome.reason());
        assertEquals(0, refusing.runs("id"));
    }

    @Test
    void processRule() {
        assertStatus(CheckStatus.PASSED, check(host, "all", "p:auditd"));
        assertStatus(CheckStatus.PASSED, check(host, "all", "not p:telnetd"));
        assertStatus(CheckStatus.FAILED, check(host, "all", "p:audit"));
    }

    @Test
    void registryRuleOnLinuxIsNotApplicable() {
        Outcome outcome = check(host, "all", "r:HKLM\\SOFTWARE\\Test -> Value -> 1");
        assertStatus(CheckStatus.NOT_APPLICABLE, outcome);
        assertEquals("registry rules apply only to Windows", outcome.reason());
    }

    @Test
    void registryRulesOnWindows() {
        FakeHost windows = new FakeHost(FakePlatform.windows().root(root)
                .registryValue("HKLM\\SOFTWARE\\Policies\\Test", "NoAutorun", RegistryValue.dword(1))
                .registryValue("HKLM\\SOFTWARE\\Policies\\Test", "Name",
                        RegistryValue.string("Windows Server 2022 Datacenter"))
                .registryKey("HKLM\\SOFTWARE\\Policies\\Test\\Sub"));
        assertStatus(CheckStatus.PASSED, check(windows, "all", "r:HKLM\\SOFTWARE\\Policies\\Test"));
        assertStatus(CheckStatus.FAILED, check(windows, "all", "r:HKLM\\SOFTWARE\\Policies\\Missing"));
        assertStatus(CheckStatus.PASSED, check(windows, "all", "r:HKLM\\SOFTWARE\\Policies\\Test -> NoAutorun -> 1"));
        assertStatus(CheckStatus.FAILED, check(windows, "all", "r:HKLM\\SOFTWARE\\Policies\\Test -> NoAutorun -> 0"));
        assertStatus(CheckStatus.PASSED, check(windows, "all",
                "r:HKLM\\SOFTWARE\\Policies\\Test -> NoAutorun -> n:^(\\d+) compare >= 1"));
        assertStatus(CheckStatus.PASSED, check(windows, "all",
                "r:HKLM\\SOFTWARE\\Policies\\Test -> Name -> r:^Windows Server 2022"));
        assertStatus(CheckStatus.PASSED, check(windows, "all", "r:HKLM\\SOFTWARE\\Policies\\Test -> noautorun"));
        assertStatus(CheckStatus.PASSED, check(windows, "all", "r:HKLM\\SOFTWARE\\Policies\\Test -> sub"));
        assertStatus(CheckStatus.NOT_APPLICABLE, check(windows, "all", "r:HKLM\\SOFTWARE\\Policies\\Test -> Gone -> 1"));
        assertStatus(CheckStatus.NOT_APPLICABLE, check(windows, "all", "r:HKLM\\SOFTWARE\\Policies\\Missing -> X -> 1"));
    }
}
