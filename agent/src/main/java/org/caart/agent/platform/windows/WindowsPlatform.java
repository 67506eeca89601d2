package org.caart.agent.platform.windows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.sun.jna.platform.win32.Kernel32Util;

import org.caart.agent.platform.common.AuditSetting;
import org.caart.agent.platform.common.FileAttributes;
import org.caart.agent.platform.common.FirewallProfile;
import org.caart.agent.platform.common.FirewallSetting;
import org.caart.agent.platform.common.InstalledPackage;
import org.caart.agent.platform.common.LastPatch;
import org.caart.agent.platform.common.MountEntry;
import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.Platform;
import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.ProcessInfo;
import org.caart.agent.platform.common.RegistryAccess;
import org.caart.agent.platform.common.SecurityPolicy;
import org.caart.agent.platform.common.SecurityPolicyParser;
import org.caart.agent.platform.common.ServiceStartType;
import org.caart.agent.platform.common.SshdConfig;
import org.caart.agent.platform.common.SystemCommand;
import org.caart.agent.platform.common.WindowsFirewall;
import org.caart.agent.platform.common.WindowsPatches;
import org.caart.agent.platform.common.WindowsServices;

/**
 * The real Windows host. Only calls into Windows (JNA, WMI, secedit) and hands raw data to the parsers
 * in platform.common. The local security policy is exported once per instance.
 */
public final class WindowsPlatform implements Platform {

    private final RegistryAccess registry = new WindowsRegistry();
    private SecurityPolicy securityPolicy;

    @Override
    public OsFamily family() {
        return OsFamily.WINDOWS;
    }

    @Override
    public String hostname() {
        return Kernel32Util.getComputerName();
    }

    @Override
    public String osName() {
        return System.getProperty("os.name");
    }

    @Override
    public String osVersion() {
        return System.getProperty("os.version");
    }

    @Override
    public RegistryAccess registry() {
        return registry;
    }

    @Override
    public List<ProcessInfo> processes() {
        return ProcessHandle.allProcesses().map(p -> {
            String command = p.info().command().orElse("");
            String name = command.isEmpty() ? "" : Path.of(command).getFileName().toString();
            return new ProcessInfo(p.pid(), name, p.info().commandLine().orElse(command));
        }).toList();
    }

    @Override
    public Path resolve(String hostPath) {
        return Path.of(hostPath);
    }

    @Override
    public synchronized SecurityPolicy securityPolicy() {
        if (securityPolicy == null) {
            securityPolicy = SecurityPolicyParser.parse(exportSecurityPolicy());
        }
        return securityPolicy;
    }

    private static byte[] exportSecurityPolicy() {
        Path file = null;
        try {
            file = Files.createTempFile("caart-secedit", ".inf");
            String secedit = System.getenv().getOrDefault("SystemRoot", "C:\\Windows") + "\\System32\\secedit.exe";
            SystemCommand.Result result = SystemCommand.run(List.of(secedit, "/export", "/cfg", file.toString(),
                    "/areas", "SECURITYPOLICY", "USER_RIGHTS", "/quiet"), Duration.ofSeconds(30));
            if (result.exitCode() != 0) {
                throw new PlatformException("secedit /export failed with exit code " + result.exitCode()
                        + " (run the agent as Administrator)");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PlatformException("cannot export the local security policy: " + e, e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.getLogger(WindowsPlatform.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot delete " + file, e);
        }
    }

    @Override
    public Optional<AuditSetting> auditPolicy(String subcategoryGuid) {
        return WindowsAudit.flags(subcategoryGuid).map(AuditSetting::ofFlags);
    }

    @Override
    public Optional<ServiceStartType> serviceStartType(String serviceName) {
        return WindowsServices.startType(registry, serviceName);
    }

    @Override
    public FirewallSetting firewallSetting(FirewallProfile profile, String valueName) {
        return WindowsFirewall.setting(registry, profile, valueName);
    }

    @Override
    public Optional<String> sysctl(String key) {
        throw linuxOnly("kernel parameters (sysctl)");
    }

    @Override
    public Optional<FileAttributes> fileAttributes(String hostPath) {
        throw linuxOnly("POSIX file modes");
    }

    @Override
    public Optional<InstalledPackage> installedPackage(String name) {
        throw linuxOnly("dpkg/rpm packages");
    }

    @Override
    public List<MountEntry> mounts() {
        throw linuxOnly("mount options");
    }

    @Override
    public Optional<SshdConfig> sshdConfig() {
        throw linuxOnly("sshd settings");
    }

    @Override
    public Optional<LastPatch> lastPatch() {
        ZoneId zone = ZoneId.systemDefault();
        return WindowsPatches.lastPatch(registry, WindowsQuickFixes::installed, zone, LocalDate.now(zone));
    }

    private static PlatformException linuxOnly(String what) {
        return new PlatformException(what + " are checked on Linux only; this host is WINDOWS");
    }
}
