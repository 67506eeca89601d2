package org.caart.agent.platform.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The port to the audited machine. {@code Optional.empty()} means "definitely not there" (a missing
 * key, file, package or service); a value that could not be read raises {@link PlatformException}.
 * Windows-only accessors raise it on other families and vice versa.
 */
public interface Platform {

    OsFamily family();

    String hostname();

    String osName();

    String osVersion();

    /** The Windows registry (64-bit view); {@link RegistryAccess#available()} is false elsewhere. */
    RegistryAccess registry();

    List<ProcessInfo> processes();

    /** Maps an absolute path on the audited host to where it is read from (a test root, or itself). */
    Path resolve(String hostPath);

    /** Local security policy: system access settings, user rights, event audit (Windows). */
    SecurityPolicy securityPolicy();

    /** Advanced audit policy of one subcategory, by its GUID (Windows); empty for an unknown GUID. */
    Optional<AuditSetting> auditPolicy(String subcategoryGuid);

    /** Start type of a service by its key name, e.g. "RemoteRegistry" (Windows); empty when not installed. */
    Optional<ServiceStartType> serviceStartType(String serviceName);

    /** One Windows Firewall profile value with the precedence policy over local setting applied. */
    FirewallSetting firewallSetting(FirewallProfile profile, String valueName);

    /** A kernel parameter such as "net.ipv4.ip_forward" (Linux); empty when the kernel does not have it. */
    Optional<String> sysctl(String key);

    /** Mode and ownership of a file, following symbolic links (Linux); empty when it does not exist. */
    Optional<FileAttributes> fileAttributes(String hostPath);

    /** An installed package by name (dpkg database, or rpm); empty when not installed. */
    Optional<InstalledPackage> installedPackage(String name);

    /** The current mount table (Linux). */
    List<MountEntry> mounts();

    /** sshd's effective global configuration (Linux); empty when sshd is not installed. */
    Optional<SshdConfig> sshdConfig();

    /** When the host last installed updates, from the package manager's logs or Windows servicing; empty when unknown. */
    Optional<LastPatch> lastPatch();
}
