package org.caart.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import org.caart.agent.platform.linux.LinuxPlatform;
import org.caart.contract.agent.v1.CheckResultView;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.ScanReportView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Scans a fixture tree on the real Linux host: real files, modes and commands, no fakes. */
@EnabledOnOs(OS.LINUX)
class LinuxHostScanTest {

    @TempDir
    Path root;

    @Test
    void scansAFixtureTreeWithRealFilesAndCommands() throws Exception {
        write("etc/ssh/sshd_config", "PermitRootLogin no\nMaxAuthTries 6\n");
        write("etc/shadow", "root:*:19000:0:99999:7:::\n");
        Files.setPosixFilePermissions(root.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-r-----"));
        write("var/lib/dpkg/status", "Package: openssh-server\nStatus: install ok installed\n\n"
                + "Package: telnetd\nStatus: deinstall ok config-files\n");
        Path shadow = root.resolve("etc/shadow");
        String policy = """
                policy:
                  id: "fixture"
                  name: "Fixture tree"
                requirements:
                  name: "fixture present"
                  condition: all
                  rules:
                    - 'f:/etc/ssh/sshd_config'
                checks:
                  - id: 1
                    name: "root login off"
                    condition: all
                    rules:
                      - 'f:/etc/ssh/sshd_config -> r:^\\s*PermitRootLogin\\s+no'
                  - id: 2
                    name: "max auth tries at most 4"
                    condition: all
                    rules:
                      - 'f:/etc/ssh/sshd_config -> n:^\\s*MaxAuthTries\\s+(\\d+) compare <= 4'
                  - id: 3
                    name: "shadow mode 640"
                    condition: all
                    rules:
                      - 'c:stat -Lc "%a" SHADOW -> r:^640$'
                  - id: 4
                    name: "telnetd not installed"
                    condition: none
                    rules:
                      - 'f:/var/lib/dpkg/status -> r:^Status: install ok installed && r:telnetd'
                  - id: 5
                    name: "missing tool"
                    condition: all
                    rules:
                      - 'c:caart-missing-tool --check -> r:ok'
                  - id: 6
                    name: "pipeline through the shell"
                    condition: all
                    rules:
                      - 'c:cat SHADOW | wc -l -> r:^1$'
                """.replace("SHADOW", shadow.toString());
        Policy parsed = PolicyCatalog.parse("fixture.yml", policy, PolicyOrigin.LOCAL_FILE);
        LocalHost host = LocalHost.forPolicy(new LinuxPlatform(root), parsed.origin(), false);
        ScanReportView report = new Scanner(Clock.systemUTC(), 4).scan(parsed, host);
        Map<String, CheckStatus> status = report.results().stream()
                .collect(Collectors.toMap(CheckResultView::checkId, CheckResultView::status));
        assertEquals(CheckStatus.PASSED, status.get("1"));
        assertEquals(CheckStatus.FAILED, status.get("2"));
        assertEquals(CheckStatus.PASSED, status.get("3"), () -> report.results().get(2).observed());
        assertEquals(CheckStatus.PASSED, status.get("4"));
        assertEquals(CheckStatus.NOT_APPLICABLE, status.get("5"));
        assertEquals(CheckStatus.PASSED, status.get("6"), () -> report.results().get(5).observed());
        assertTrue(report.results().get(1).observed().contains("MaxAuthTries 6"), report.results().get(1).observed());
        assertTrue(host.stats().missingCommands().contains("caart-missing-tool"));
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
