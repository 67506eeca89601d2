package org.caart.agent.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.caart.agent.platform.common.FileAttributes;
import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.SshdConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@Tag("linux-host")
@EnabledOnOs(OS.LINUX)
class LinuxPlatformTest {

    @TempDir
    Path root;
    private LinuxPlatform platform;

    @BeforeEach
    void buildTree() throws IOException {
        write("proc/sys/net/ipv4/ip_forward", "0\n");
        write("proc/sys/kernel/printk", "4\t4\t1\t7\n");
        write("proc/sys/kernel/hostname", "fixture-host\n");
        write("proc/self/mounts", "tmpfs /tmp tmpfs rw,nosuid,nodev 0 0\n");
        write("proc/42/comm", "sshd\n");
        write("proc/42/cmdline", "/usr/sbin/sshd\0-D\0");
        write("etc/os-release", "PRETTY_NAME=\"Fixture Linux 12\"\nVERSION_ID=\"12\"\n");
        write("var/lib/dpkg/status", "Package: auditd\nStatus: install ok installed\nVersion: 1:3.0.9-1\n\n"
                + "Package: telnet\nStatus: deinstall ok config-files\nVersion: 1\n");
        write("etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\n");
        write("etc/ssh/sshd_config.d/50-local.conf", "MaxAuthTries 3\n");
        write("etc/shadow", "root:*:19000:0:99999:7:::\n");
        Files.setPosixFilePermissions(root.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-r-----"));
        platform = new LinuxPlatform(root);
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void readsKernelParametersBelowTheRoot() {
        assertEquals("0", platform.sysctl("net.ipv4.ip_forward").orElseThrow());
        assertEquals("4 4 1 7", platform.sysctl("kernel.printk").orElseThrow());
        assertTrue(platform.sysctl("net.ipv6.conf.all.forwarding").isEmpty());
    }

    @Test
    void readsModeAndOwnership() throws IOException {
        FileAttributes shadow = platform.fileAttributes("/etc/shadow").orElseThrow();
        assertEquals("0640", shadow.octalMode());
        assertEquals(Files.getOwner(root.resolve("etc/shadow")).getName(), shadow.owner());
        assertTrue(platform.fileAttributes("/etc/gshadow").isEmpty());
    }

    @Test
    void readsTheDpkgDatabase() {
        assertEquals("1:3.0.9-1", platform.installedPackage("auditd").orElseThrow().version());
        assertTrue(platform.installedPackage("telnet").isEmpty());
    }

    @Test
    void readsMountsHostnameOsAndProcesses() {
        assertEquals(List.of("rw", "nosuid", "nodev"), platform.mounts().get(0).options());
        assertEquals("fixture-host", platform.hostname());
        assertEquals("Fixture Linux 12", platform.osName());
        assertEquals("12", platform.osVersion());
        assertEquals("/usr/sbin/sshd -D", platform.processes().get(0).commandLine());
    }

    @Test
    void parsesSshdConfigWithIncludesWhenSshdCannotRunOnAFixtureRoot() {
        SshdConfig config = platform.sshdConfig().orElseThrow();
        assertFalse(config.effective());
        assertEquals("no", config.value("permitrootlogin").orElseThrow());
        assertEquals("3", config.value("maxauthtries").orElseThrow());
        assertEquals("no", config.value("x11forwarding").orElseThrow());
        assertTrue(config.source().contains("fixture root"));
    }

    @Test
    void noSshdAtAllMeansNotInstalled() throws IOException {
        Files.delete(root.resolve("etc/ssh/sshd_config"));
        assertTrue(new LinuxPlatform(root).sshdConfig().isEmpty());
    }

    @Test
    void pathsCannotEscapeTheRoot() {
        assertEquals(root.resolve("etc/passwd"), platform.resolve("/../../etc/passwd"));
    }

    @Test
    void windowsFacilitiesAreRefused() {
        assertFalse(platform.registry().available());
        assertThrows(PlatformException.class, () -> platform.securityPolicy());
    }

    @Test
    void theRealHostAnswersBasicQuestions() {
        LinuxPlatform real = new LinuxPlatform();
        assertFalse(real.hostname().isBlank());
        assertTrue(real.fileAttributes("/etc/passwd").isPresent());
        assertFalse(real.mounts().isEmpty());
    }
}
