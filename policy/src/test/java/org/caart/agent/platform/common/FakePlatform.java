package org.caart.agent.platform.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A platform made of fixture values, for tests. Windows-only and Linux-only accessors refuse on the
 * other family just as the real platforms do; service start types and firewall settings go through
 * the same registry logic as on Windows. Build with {@code FakePlatform.windows()} or
 * {@code FakePlatform.linux()} and chain the setters.
 */
public final class FakePlatform implements Platform {

    private final OsFamily family;
    private final FakeRegistry registry = new FakeRegistry();
    private final Map<String, String> sysctl = new HashMap<>();
    private final Map<String, FileAttributes> files = new HashMap<>();
    private final Map<String, InstalledPackage> packages = new HashMap<>();
    private final Map<String, AuditSetting> audit = new HashMap<>();
    private final List<MountEntry> mounts = new ArrayList<>();
    private final List<ProcessInfo> processes = new ArrayList<>();
    private final Map<String, String> failures = new HashMap<>();
    private SecurityPolicy securityPolicy = SecurityPolicy.empty();
    private SshdConfig sshd;
    private Path root;
    private LastPatch lastPatch;

    private FakePlatform(OsFamily family) {
        this.family = family;
    }

    public static FakePlatform windows() {
        return new FakePlatform(OsFamily.WINDOWS);
    }

    public static FakePlatform linux() {
        return new FakePlatform(OsFamily.LINUX);
    }

    public static FakePlatform of(OsFamily family) {
        return new FakePlatform(family);
    }

    public FakePlatform registryValue(String fullKey, String name, RegistryValue value) {
        registry.put(fullKey, name, value);
        return this;
    }

    public FakePlatform registryKey(String fullKey) {
        registry.putKey(fullKey);
        return this;
    }

    public FakeRegistry fakeRegistry() {
        return registry;
    }

    public FakePlatform securityPolicy(SecurityPolicy policy) {
        this.securityPolicy = policy;
        return this;
    }

    public FakePlatform audit(String guid, AuditSetting setting) {
        audit.put(guid.toUpperCase(Locale.ROOT).replace("{", "").replace("}", ""), setting);
        return this;
    }

    public FakePlatform sysctl(String key, String value) {
        sysctl.put(key, value);
        return this;
    }

    public FakePlatform file(String path, int mode, String owner, String group) {
        files.put(path, new FileAttributes(path, false, mode, owner, group));
        return this;
    }

    public FakePlatform installed(String name, String version) {
        packages.put(name, new InstalledPackage(name, version, "dpkg"));
        return this;
    }

    public FakePlatform mount(String device, String mountPoint, String type, String options) {
        mounts.add(new MountEntry(device, mountPoint, type, List.of(options.split(","))));
        return this;
    }

    public FakePlatform sshd(SshdConfig config) {
        this.sshd = config;
        return this;
    }

    public FakePlatform process(long pid, String name, String commandLine) {
        processes.add(new ProcessInfo(pid, name, commandLine));
        return this;
    }

    public FakePlatform lastPatch(LastPatch patch) {
        this.lastPatch = patch;
        return this;
    }

    /** Host paths resolve below this directory (for file content checks); default: the path itself. */
    public FakePlatform root(Path root) {
        this.root = root;
        return this;
    }

    /** Makes one accessor ("sysctl", "securityPolicy", "auditPolicy", "fileAttributes", "installedPackage",
     * "mounts", "sshdConfig", "lastPatch") raise PlatformException with this message. */
    public FakePlatform failing(String accessor, String message) {
        failures.put(accessor, message);
        return this;
    }

    @Override
    public OsFamily family() {
        return family;
    }

    @Override
    public String hostname() {
        return "fake-host";
    }

    @Override
    public String osName() {
        return family == OsFamily.WINDOWS ? "Windows Server 2022 (fake)" : "Debian GNU/Linux 12 (fake)";
    }

    @Override
    public String osVersion() {
        return family == OsFamily.WINDOWS ? "10.0" : "12";
    }

    @Override
    public RegistryAccess registry() {
        return family == OsFamily.WINDOWS ? registry : new UnavailableRegistry(family);
    }

    @Override
    public List<ProcessInfo> processes() {
        return List.copyOf(processes);
    }

    @Override
    public Path resolve(String hostPath) {
        return root == null ? Path.of(hostPath) : root.resolve(hostPath.replaceFirst("^/+", ""));
    }

    @Override
    public SecurityPolicy securityPolicy() {
        require(OsFamily.WINDOWS, "securityPolicy");
        return securityPolicy;
    }

    @Override
    public Optional<AuditSetting> auditPolicy(String subcategoryGuid) {
        require(OsFamily.WINDOWS, "auditPolicy");
        return Optional.ofNullable(audit.get(subcategoryGuid.toUpperCase(Locale.ROOT).replace("{", "").replace("}", "")));
    }

    @Override
    public Optional<ServiceStartType> serviceStartType(String serviceName) {
        require(OsFamily.WINDOWS, "serviceStartType");
        return WindowsServices.startType(registry, serviceName);
    }

    @Override
    public FirewallSetting firewallSetting(FirewallProfile profile, String valueName) {
        require(OsFamily.WINDOWS, "firewallSetting");
        return WindowsFirewall.setting(registry, profile, valueName);
    }

    @Override
    public Optional<String> sysctl(String key) {
        require(OsFamily.LINUX, "sysctl");
        return Optional.ofNullable(sysctl.get(key));
    }

    @Override
    public Optional<FileAttributes> fileAttributes(String hostPath) {
        require(OsFamily.LINUX, "fileAttributes");
        return Optional.ofNullable(files.get(hostPath));
    }

    @Override
    public Optional<InstalledPackage> installedPackage(String name) {
        require(OsFamily.LINUX, "installedPackage");
        return Optional.ofNullable(packages.get(name));
    }

    @Override
    public List<MountEntry> mounts() {
        require(OsFamily.LINUX, "mounts");
        return List.copyOf(mounts);
    }

    @Override
    public Optional<SshdConfig> sshdConfig() {
        require(OsFamily.LINUX, "sshdConfig");
        return Optional.ofNullable(sshd);
    }

    @Override
    public Optional<LastPatch> lastPatch() {
        if (failures.containsKey("lastPatch")) {
            throw new PlatformException(failures.get("lastPatch"));
        }
        return Optional.ofNullable(lastPatch);
    }

    private void require(OsFamily wanted, String accessor) {
        if (family != wanted) {
            throw new PlatformException(accessor + " is not available on a " + family + " host");
        }
        if (failures.containsKey(accessor)) {
            throw new PlatformException(failures.get(accessor));
        }
    }
}
