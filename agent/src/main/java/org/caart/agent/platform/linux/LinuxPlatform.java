package org.caart.agent.platform.linux;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.caart.agent.platform.common.AuditSetting;
import org.caart.agent.platform.common.FileAttributes;
import org.caart.agent.platform.common.FirewallProfile;
import org.caart.agent.platform.common.FirewallSetting;
import org.caart.agent.platform.common.InstalledPackage;
import org.caart.agent.platform.common.LastPatch;
import org.caart.agent.platform.common.MountEntry;
import org.caart.agent.platform.common.MountsParser;
import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.OsRelease;
import org.caart.agent.platform.common.Platform;
import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.ProcessInfo;
import org.caart.agent.platform.common.RegistryAccess;
import org.caart.agent.platform.common.SecurityPolicy;
import org.caart.agent.platform.common.ServiceStartType;
import org.caart.agent.platform.common.SshdConfig;
import org.caart.agent.platform.common.Sysctl;
import org.caart.agent.platform.common.UnavailableRegistry;

/**
 * The real Linux host, read below {@code root} ("/" in production; a fixture tree in tests).
 * Commands (sshd -T, rpm) only run when the root is "/", since they would describe the wrong
 * system otherwise.
 */
public final class LinuxPlatform implements Platform {

    private final Path root;
    private final OsFamily family;
    private final LinuxPackages packages;
    private final LinuxSshd sshd;
    private final LinuxPatches patches;

    public LinuxPlatform() {
        this(Path.of("/"));
    }

    public LinuxPlatform(Path root) {
        this(root, OsFamily.LINUX);
    }

    public LinuxPlatform(Path root, OsFamily family) {
        this.root = root.toAbsolutePath().normalize();
        this.family = family;
        this.packages = new LinuxPackages(this);
        this.sshd = new LinuxSshd(this);
        this.patches = new LinuxPatches(this);
    }

    boolean realRoot() {
        return root.getParent() == null;
    }

    @Override
    public OsFamily family() {
        return family;
    }

    @Override
    public String hostname() {
        for (String file : List.of("/proc/sys/kernel/hostname", "/etc/hostname")) {
            Optional<String> name = readFirstLine(file);
            if (name.isPresent() && !name.get().isBlank()) {
                return name.get().strip();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public String osName() {
        return osRelease().getOrDefault("PRETTY_NAME", osRelease().getOrDefault("NAME", "Linux"));
    }

    @Override
    public String osVersion() {
        return osRelease().getOrDefault("VERSION_ID", "");
    }

    private Map<String, String> osRelease() {
        for (String file : List.of("/etc/os-release", "/usr/lib/os-release")) {
            Optional<List<String>> lines = readLines(file);
            if (lines.isPresent()) {
                return OsRelease.parse(lines.get());
            }
        }
        return Map.of();
    }

    @Override
    public RegistryAccess registry() {
        return new UnavailableRegistry(family);
    }

    @Override
    public List<ProcessInfo> processes() {
        return LinuxProcesses.list(resolve("/proc"));
    }

    @Override
    public Path resolve(String hostPath) {
        Path relative = Path.of("/").relativize(Path.of("/").resolve(hostPath).normalize());
        return root.resolve(relative.toString());
    }

    @Override
    public SecurityPolicy securityPolicy() {
        throw windowsOnly("local security policy");
    }

    @Override
    public Optional<AuditSetting> auditPolicy(String subcategoryGuid) {
        throw windowsOnly("audit policy");
    }

    @Override
    public Optional<ServiceStartType> serviceStartType(String serviceName) {
        throw windowsOnly("service start types");
    }

    @Override
    public FirewallSetting firewallSetting(FirewallProfile profile, String valueName) {
        throw windowsOnly("Windows Firewall profiles");
    }

    @Override
    public Optional<String> sysctl(String key) {
        return readText("/proc/sys/" + Sysctl.relativePath(key)).map(Sysctl::normalize);
    }

    @Override
    public Optional<FileAttributes> fileAttributes(String hostPath) {
        Path path = resolve(hostPath);
        try {
            PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
            return Optional.of(new FileAttributes(hostPath, attributes.isDirectory(),
                    FileAttributes.mode(attributes.permissions()), attributes.owner().getName(),
                    attributes.group().getName()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            throw new PlatformException("cannot read the attributes of " + hostPath + ": " + e, e);
        }
    }

    @Override
    public Optional<InstalledPackage> installedPackage(String name) {
        return packages.find(name);
    }

    @Override
    public List<MountEntry> mounts() {
        return MountsParser.parse(readLines("/proc/self/mounts")
                .orElseThrow(() -> new PlatformException("/proc/self/mounts does not exist")));
    }

    @Override
    public Optional<SshdConfig> sshdConfig() {
        return sshd.config();
    }

    @Override
    public Optional<LastPatch> lastPatch() {
        return patches.find();
    }

    /** Lines of a host file; empty when it does not exist; unreadable raises PlatformException. */
    Optional<List<String>> readLines(String hostPath) {
        return readText(hostPath).map(text -> text.lines().toList());
    }

    Optional<String> readText(String hostPath) {
        Path path = resolve(hostPath);
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.nio.charset.MalformedInputException e) {
            throw new PlatformException(hostPath + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new PlatformException("cannot read " + hostPath + ": " + e, e);
        }
    }

    boolean exists(String hostPath) {
        return Files.exists(resolve(hostPath), LinkOption.NOFOLLOW_LINKS);
    }

    private Optional<String> readFirstLine(String hostPath) {
        try {
            return readLines(hostPath).flatMap(lines -> lines.stream().findFirst());
        } catch (PlatformException e) {
            return Optional.empty();
        }
    }

    private PlatformException windowsOnly(String what) {
        return new PlatformException(what + " exist only on Windows; this host is " + family);
    }
}
