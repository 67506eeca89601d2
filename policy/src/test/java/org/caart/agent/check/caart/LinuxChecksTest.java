package org.caart.agent.check.caart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.caart.agent.check.Outcome;
import org.caart.agent.platform.common.FakePlatform;
import org.caart.agent.platform.common.SshdConfig;
import org.caart.contract.agent.v1.CheckStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Linux check type against the fake platform and a fixture directory. */
class LinuxChecksTest {

    @TempDir
    Path root;
    private FakePlatform linux;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(root.resolve("etc/audit/rules.d"));
        Files.writeString(root.resolve("etc/login.defs"), "# PASS_MAX_DAYS 99999\nPASS_MAX_DAYS   90\nUMASK 022\n");
        Files.writeString(root.resolve("etc/audit/rules.d/10-identity.rules"), "-w /etc/passwd -p wa -k identity\n");
        Files.writeString(root.resolve("etc/audit/rules.d/99-finalize.rules"), "-e 2\n");
        linux = FakePlatform.linux().root(root)
                .sysctl("net.ipv4.ip_forward", "0").sysctl("kernel.randomize_va_space", "1")
                .file("/etc/shadow", 0640, "root", "shadow").file("/etc/passwd", 0664, "root", "root")
                .installed("auditd", "1:3.0.9-1")
                .mount("tmpfs", "/tmp", "tmpfs", "rw,nosuid,nodev")
                .sshd(new SshdConfig("sshd -T", true, Map.of("permitrootlogin", List.of("no"),
                        "maxauthtries", List.of("6"), "ciphers", List.of("aes256-ctr,aes128-cbc"),
                        "banner", List.of("none"))));
    }

    private Outcome run(String check) throws Exception {
        return Checks.evaluate(linux, check);
    }

    @Test
    void sysctlComparesTheLiveValue() throws Exception {
        assertEquals(CheckStatus.PASSED, run("{type: sysctl, key: net.ipv4.ip_forward, value: 0}").status());
        Outcome aslr = run("{type: sysctl, key: kernel.randomize_va_space, value: 2}");
        assertEquals(CheckStatus.FAILED, aslr.status());
        assertEquals("1", aslr.observed());
        assertEquals("kernel.randomize_va_space eq 2", aslr.expected());
        assertEquals(CheckStatus.PASSED, run("{type: sysctl, key: net.ipv6.conf.all.forwarding, value: 0,"
                + " missing: pass}").status());
        assertEquals("not present in this kernel", run("{type: sysctl, key: net.ipv6.conf.all.forwarding,"
                + " value: 0}").observed());
    }

    @Test
    void fileModeChecksBitsOwnerAndGroup() throws Exception {
        Outcome shadow = run("{type: file-mode, path: /etc/shadow, max-mode: '0640', owner: root, group: [root, shadow]}");
        assertEquals(CheckStatus.PASSED, shadow.status());
        assertEquals("0640 root:shadow", shadow.observed());
        assertEquals(CheckStatus.FAILED, run("{type: file-mode, path: /etc/passwd, max-mode: '0644'}").status());
        assertEquals(CheckStatus.FAILED, run("{type: file-mode, path: /etc/shadow, group: root}").status());
        assertEquals(CheckStatus.FAILED, run("{type: file-mode, path: /etc/gshadow, max-mode: '0640'}").status());
        assertEquals(CheckStatus.NOT_APPLICABLE, run("{type: file-mode, path: /etc/gshadow, max-mode: '0640',"
                + " missing: not-applicable}").status());
    }

    @Test
    void fileExists() throws Exception {
        assertEquals(CheckStatus.PASSED, run("{type: file-exists, path: /etc/shadow, exists: true}").status());
        assertEquals(CheckStatus.FAILED, run("{type: file-exists, path: /etc/nope, exists: true}").status());
        assertEquals(CheckStatus.PASSED, run("{type: file-exists, path: /etc/nope, exists: false}").status());
    }

    @Test
    void fileContentMatchesLineByLineAndCanIgnoreComments() throws Exception {
        String maxDays = "{type: file-content, path: /etc/login.defs, must-match: ['PASS_MAX_DAYS\\s+9\\d{4}']";
        assertEquals(CheckStatus.FAILED, run(maxDays + ", ignore-comments: true}").status());
        Outcome withComments = run(maxDays + "}");
        assertEquals(CheckStatus.PASSED, withComments.status());
        assertEquals("found: # PASS_MAX_DAYS 99999", withComments.observed());
        Outcome forbidden = run("{type: file-content, path: /etc/login.defs, must-not-match: ['^UMASK\\s+022']}");
        assertEquals(CheckStatus.FAILED, forbidden.status());
        assertEquals("forbidden: UMASK 022", forbidden.observed());
    }

    @Test
    void fileContentGlobsReadAllMatchingFilesTogether() throws Exception {
        Outcome rules = run("{type: file-content, path: /etc/audit/rules.d/*.rules,"
                + " must-match: ['^-w /etc/passwd -p wa', '^-e 2$']}");
        assertEquals(CheckStatus.PASSED, rules.status());
        assertTrue(rules.observed().contains("/etc/audit/rules.d/99-finalize.rules: -e 2"), rules.observed());
        assertEquals(CheckStatus.FAILED, run("{type: file-content, path: /etc/audit/rules.d/*.conf,"
                + " must-match: ['x']}").status());
        assertEquals(CheckStatus.PASSED, run("{type: file-content, path: /etc/missing.conf, must-not-match: ['x'],"
                + " missing: pass}").status());
    }

    @Test
    void anUnreadableFileIsAnError() throws Exception {
        Path secret = root.resolve("etc/secret");
        Files.createDirectories(secret);
        Outcome outcome = run("{type: file-content, path: /etc/secret, must-match: ['x']}");
        assertEquals(CheckStatus.ERROR, outcome.status());
        assertTrue(outcome.reason().contains("/etc/secret"), outcome.reason());
    }

    @Test
    void packagesInstalledAndAbsent() throws Exception {
        Outcome auditd = run("{type: package-installed, package: auditd}");
        assertEquals(CheckStatus.PASSED, auditd.status());
        assertEquals("installed 1:3.0.9-1 (dpkg)", auditd.observed());
        assertEquals(CheckStatus.PASSED, run("{type: package-absent, package: telnet}").status());
        assertEquals(CheckStatus.FAILED, run("{type: package-absent, package: auditd}").status());
        linux.failing("installedPackage", "no package database found");
        assertEquals(CheckStatus.ERROR, run("{type: package-installed, package: auditd}").status());
    }

    @Test
    void mountOptions() throws Exception {
        assertEquals(CheckStatus.PASSED, run("{type: mount-option, mount-point: /tmp, options: [nodev, nosuid]}")
                .status());
        Outcome noexec = run("{type: mount-option, mount-point: /tmp, options: [noexec]}");
        assertEquals(CheckStatus.FAILED, noexec.status());
        assertTrue(noexec.observed().endsWith("lacking noexec"), noexec.observed());
        assertEquals(CheckStatus.FAILED, run("{type: mount-option, mount-point: /var/tmp, options: [nodev]}").status());
        assertEquals(CheckStatus.PASSED, run("{type: mount-option, mount-point: /tmp}").status());
    }

    @Test
    void sshdSettingsWithEveryOperatorKind() throws Exception {
        assertEquals(CheckStatus.PASSED, run("{type: sshd-setting, keyword: PermitRootLogin, value: no}").status());
        assertEquals(CheckStatus.FAILED, run("{type: sshd-setting, keyword: MaxAuthTries, op: le, value: 4}").status());
        assertEquals(CheckStatus.FAILED, run("{type: sshd-setting, keyword: Ciphers, op: excludes,"
                + " values: [aes128-cbc, 3des-cbc]}").status());
        assertEquals(CheckStatus.PASSED, run("{type: sshd-setting, keyword: Ciphers, op: includes, values: [aes256-ctr]}")
                .status());
        assertEquals(CheckStatus.FAILED, run("{type: sshd-setting, keyword: Banner, op: ne, value: none}").status());
        assertEquals(CheckStatus.ERROR, run("{type: sshd-setting, keyword: Banner, op: gt, value: 1}").status());
    }

    @Test
    void sshdFallbackWithoutAKnownDefaultIsAnErrorAndNoSshdIsNotApplicable() throws Exception {
        linux.sshd(new SshdConfig("/etc/ssh/sshd_config parsed", false, Map.of("permitrootlogin", List.of("no"))));
        Outcome ciphers = run("{type: sshd-setting, keyword: Ciphers, op: excludes, values: [3des-cbc]}");
        assertEquals(CheckStatus.ERROR, ciphers.status());
        Outcome root = run("{type: sshd-setting, keyword: PermitRootLogin, value: no}");
        assertEquals("no (/etc/ssh/sshd_config parsed)", root.observed());
        linux.sshd(null);
        assertEquals(CheckStatus.NOT_APPLICABLE, run("{type: sshd-setting, keyword: PermitRootLogin, value: no}")
                .status());
    }

    @Test
    void linuxChecksAreNotApplicableOnWindows() throws Exception {
        Outcome outcome = Checks.evaluate(FakePlatform.windows(), "{type: sysctl, key: net.ipv4.ip_forward, value: 0}");
        assertEquals(CheckStatus.NOT_APPLICABLE, outcome.status());
        assertEquals("host family WINDOWS", outcome.observed());
    }
}
