package org.caart.agent.check.caart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import org.caart.agent.check.Check;
import org.caart.agent.check.LocalHost;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyOrigin;
import org.caart.agent.platform.linux.LinuxPlatform;
import org.caart.contract.agent.v1.CheckStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Evaluates a CAaRT policy against the real Linux platform code, rooted in a fixture tree. */
@EnabledOnOs(OS.LINUX)
class LinuxFixtureHostTest {

    @TempDir
    Path root;

    private static final String POLICY = """
            caart-policy: 1
            id: fixture
            name: Fixture
            os: linux
            checks:
              - {id: forward, title: t, severity: low, check: {type: sysctl, key: net.ipv4.ip_forward, value: 0}}
              - {id: redirects, title: t, severity: low, check: {type: sysctl, key: net.ipv4.conf.all.send_redirects, value: 0}}
              - {id: shadow, title: t, severity: low, check: {type: file-mode, path: /etc/shadow, max-mode: '0640'}}
              - {id: passwd, title: t, severity: low, check: {type: file-mode, path: /etc/passwd, max-mode: '0644'}}
              - {id: aging, title: t, severity: low, check: {type: file-content, path: /etc/login.defs, ignore-comments: true, must-match: ['^PASS_MAX_DAYS\\s+([1-9]|[1-9][0-9]|[1-3][0-9][0-9])$']}}
              - {id: auditd, title: t, severity: low, check: {type: package-installed, package: auditd}}
              - {id: telnet, title: t, severity: low, check: {type: package-absent, package: telnet}}
              - {id: tmp, title: t, severity: low, check: {type: mount-option, mount-point: /tmp, options: [nodev, nosuid, noexec]}}
              - {id: root-login, title: t, severity: low, check: {type: sshd-setting, keyword: PermitRootLogin, value: no}}
              - {id: ciphers, title: t, severity: low, check: {type: sshd-setting, keyword: Ciphers, op: excludes, values: [3des-cbc]}}
              - {id: registry, title: t, severity: low, check: {type: sysctl, key: kernel.unknown_knob, value: 1, missing: not-applicable}}
            """;

    private void write(String relative, String content, String mode) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    }

    @Test
    void scansAFixtureTreeWithTheRealLinuxPlatform() throws Exception {
        write("proc/sys/net/ipv4/ip_forward", "0\n", "rw-r--r--");
        write("proc/sys/net/ipv4/conf/all/send_redirects", "1\n", "rw-r--r--");
        write("proc/self/mounts", "tmpfs /tmp tmpfs rw,nosuid,nodev,noexec 0 0\n", "r--r--r--");
        write("etc/shadow", "root:*:19000::::::\n", "rw-r-----");
        write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\n", "rw-rw-r--");
        write("etc/login.defs", "#PASS_MAX_DAYS 99999\nPASS_MAX_DAYS 90\n", "rw-r--r--");
        write("var/lib/dpkg/status", "Package: auditd\nStatus: install ok installed\nVersion: 1:3.0.9-1\n", "rw-r--r--");
        write("etc/ssh/sshd_config", "PermitRootLogin no\n", "rw-------");

        Policy policy = new CaartPolicyParser().parse("fixture.yml", POLICY, PolicyOrigin.LOCAL_FILE);
        LocalHost host = new LocalHost(new LinuxPlatform(root), true);
        Map<String, CheckStatus> results = new LinkedHashMap<>();
        for (Check check : policy.checks()) {
            results.put(check.info().id(), check.evaluate(host).status());
        }

        Map<String, CheckStatus> expected = new LinkedHashMap<>();
        expected.put("forward", CheckStatus.PASSED);
        expected.put("redirects", CheckStatus.FAILED);
        expected.put("shadow", CheckStatus.PASSED);
        expected.put("passwd", CheckStatus.FAILED);
        expected.put("aging", CheckStatus.PASSED);
        expected.put("auditd", CheckStatus.PASSED);
        expected.put("telnet", CheckStatus.PASSED);
        expected.put("tmp", CheckStatus.PASSED);
        expected.put("root-login", CheckStatus.PASSED);
        expected.put("ciphers", CheckStatus.ERROR);
        expected.put("registry", CheckStatus.NOT_APPLICABLE);
        assertEquals(expected, results);
    }
}
