package org.caart.agent.remediation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.caart.agent.platform.common.AuditSetting;
import org.caart.agent.platform.common.FakePlatform;
import org.caart.agent.platform.common.RegistryKey;
import org.caart.agent.platform.common.RegistryValue;
import org.caart.agent.platform.common.SecurityPolicy;
import org.caart.agent.platform.common.ServiceStartType;

/**
 * Windows settings in memory, behind the same port the real adapter implements; {@link #platform()} shows them to
 * the checks as a Windows platform, so fixes are re-checked by the real check code. Every write is logged.
 */
final class FakeWindows implements WindowsSettings {

    final List<String> writes = new ArrayList<>();
    private final Map<String, RegistryValue> registry = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> systemAccess = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, List<String>> rights = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Integer> audit = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, ServiceStartType> services = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private static String id(String key, String name) {
        return RegistryKey.parse(key) + "|" + name;
    }

    FakeWindows registry(String key, String name, RegistryValue value) {
        registry.put(id(key, name), value);
        return this;
    }

    FakeWindows setting(String name, String value) {
        systemAccess.put(name, value);
        return this;
    }

    FakeWindows right(String right, String... holders) {
        rights.put(right, List.of(holders));
        return this;
    }

    FakeWindows audit(String guid, int flags) {
        audit.put(guid, flags);
        return this;
    }

    FakeWindows service(String name, ServiceStartType type) {
        services.put(name, type);
        return this;
    }

    /** A snapshot of every setting, to compare before and after. */
    Map<String, Object> picture() {
        Map<String, Object> picture = new LinkedHashMap<>();
        registry.forEach((k, v) -> picture.put("registry " + k, v.toString()));
        systemAccess.forEach((k, v) -> picture.put("secpol " + k, v));
        rights.forEach((k, v) -> picture.put("right " + k, List.copyOf(v)));
        audit.forEach((k, v) -> picture.put("audit " + k, v));
        services.forEach((k, v) -> picture.put("service " + k, v));
        return picture;
    }

    /** The settings as the checks read them. */
    FakePlatform platform() {
        FakePlatform platform = FakePlatform.windows();
        registry.forEach((id, value) -> platform.registryValue(id.substring(0, id.indexOf('|')),
                id.substring(id.indexOf('|') + 1), value));
        services.forEach((name, type) -> {
            String key = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\" + name;
            long start = switch (type) {
                case BOOT -> 0;
                case SYSTEM -> 1;
                case AUTOMATIC, AUTOMATIC_DELAYED -> 2;
                case MANUAL -> 3;
                case DISABLED -> 4;
            };
            platform.registryValue(key, "Start", RegistryValue.dword(start));
        });
        audit.forEach((guid, flags) -> platform.audit(guid, AuditSetting.ofFlags(flags)));
        return platform.securityPolicy(new SecurityPolicy(systemAccess, Map.of(), Map.of(), rights));
    }

    @Override
    public Optional<RegistryValue> registryValue(String key, String name) {
        return Optional.ofNullable(registry.get(id(key, name)));
    }

    @Override
    public void setRegistryValue(String key, String name, RegistryValue value) {
        writes.add("registry " + name + "=" + value);
        registry.put(id(key, name), value);
    }

    @Override
    public void deleteRegistryValue(String key, String name) {
        writes.add("delete " + name);
        registry.remove(id(key, name));
    }

    @Override
    public Optional<String> securityPolicySetting(String name) {
        return Optional.ofNullable(systemAccess.get(name));
    }

    @Override
    public void setSecurityPolicySetting(String name, String value) {
        if (name.equalsIgnoreCase("ResetLockoutCount") && Long.parseLong(value)
                > Long.parseLong(systemAccess.getOrDefault("LockoutDuration", "0"))) {
            throw new RemediationException("the parameter is incorrect: reset counter above lockout duration");
        }
        writes.add("secpol " + name + "=" + value);
        systemAccess.put(name, value);
    }

    @Override
    public List<String> rightHolders(String right) {
        return rights.getOrDefault(right, List.of());
    }

    @Override
    public void setRightHolders(String right, List<String> accounts) {
        writes.add("right " + right + "=" + accounts);
        rights.put(right, List.copyOf(accounts));
    }

    @Override
    public int auditFlags(String subcategoryGuid) {
        return audit.getOrDefault(subcategoryGuid.toUpperCase(Locale.ROOT), 0);
    }

    @Override
    public void setAuditFlags(String subcategoryGuid, int flags) {
        writes.add("audit " + subcategoryGuid + "=" + flags);
        audit.put(subcategoryGuid.toUpperCase(Locale.ROOT), flags);
    }

    @Override
    public Optional<ServiceStartType> serviceStartType(String service) {
        return Optional.ofNullable(services.get(service));
    }

    @Override
    public void setServiceStartType(String service, ServiceStartType type) {
        writes.add("service " + service + "=" + type);
        services.put(service, type);
    }
}
