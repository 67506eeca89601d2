package org.caart.agent.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.caart.agent.platform.common.AuditSetting;
import org.caart.agent.platform.common.FileAttributes;
import org.caart.agent.platform.common.FirewallProfile;
import org.caart.agent.platform.common.FirewallSetting;
import org.caart.agent.platform.common.InstalledPackage;
import org.caart.agent.platform.common.MountEntry;
import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.Platform;
import org.caart.agent.platform.common.ProcessInfo;
import org.caart.agent.platform.common.RegistryAccess;
import org.caart.agent.platform.common.RegistryValue;
import org.caart.agent.platform.common.SecurityPolicy;
import org.caart.agent.platform.common.ServiceStartType;
import org.caart.agent.platform.common.SshdConfig;
import org.caart.agent.platform.common.UnavailableRegistry;

/** A platform for engine tests: files under a root folder, a registry in a map, a fixed process list. */
public final class TestPlatform implements Platform {

    private final OsFamily family;
    private final Path root;
    private final Map<String, Map<String, RegistryValue>> registry = new LinkedHashMap<>();
    private final List<ProcessInfo> processes = new ArrayList<>();

    public TestPlatform(OsFamily family, Path root) {
        this.family = family;
        this.root = root;
    }

    public TestPlatform key(String key, Map<String, RegistryValue> values) {
        registry.put(key.toLowerCase(), Map.copyOf(values));
        return this;
    }

    public TestPlatform process(String name) {
        processes.add(new ProcessInfo(processes.size() + 100, name, "/usr/sbin/" + name));
        return this;
    }

    @Override
    public OsFamily family() {
        return family;
    }

    @Override
    public String hostname() {
        return "test-host";
    }

    @Override
    public String osName() {
        return family == OsFamily.WINDOWS ? "Windows Server" : "Debian GNU/Linux";
    }

    @Override
    public String osVersion() {
        return family == OsFamily.WINDOWS ? "2022" : "12";
    }

    @Override
    public RegistryAccess registry() {
        if (family != OsFamily.WINDOWS) {
            return new UnavailableRegistry(family);
        }
        return new RegistryAccess() {
            @Override
            public boolean keyExists(String fullKey) {
                return registry.containsKey(fullKey.toLowerCase());
            }

            @Override
            public List<String> valueNames(String fullKey) {
                Map<String, RegistryValue> values = registry.get(fullKey.toLowerCase());
                return values == null ? List.of() : List.copyOf(values.keySet());
            }

            @Override
            public List<String> subKeys(String fullKey) {
                String prefix = fullKey.toLowerCase() + "\\";
                return registry.keySet().stream().filter(k -> k.startsWith(prefix))
                        .map(k -> k.substring(prefix.length())).filter(k -> !k.contains("\\")).toList();
            }

            @Override
            public Optional<RegistryValue> value(String fullKey, String name) {
                Map<String, RegistryValue> values = registry.get(fullKey.toLowerCase());
                return values == null ? Optional.empty() : Optional.ofNullable(values.get(name));
            }
        };
    }

    @Override
    public List<ProcessInfo> processes() {
        return List.copyOf(processes);
    }

    @Override
    public Path resolve(String hostPath) {
        return root.resolve(hostPath.replaceFirst("^[/\\\\]+", ""));
    }

    @Override
    public SecurityPolicy securityPolicy() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<AuditSetting> auditPolicy(String subcategoryGuid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ServiceStartType> serviceStartType(String serviceName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FirewallSetting firewallSetting(FirewallProfile profile, String valueName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> sysctl(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<FileAttributes> fileAttributes(String hostPath) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<InstalledPackage> installedPackage(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<MountEntry> mounts() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<SshdConfig> sshdConfig() {
        throw new UnsupportedOperationException();
    }
}
