package org.caart.agent.remediation;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.caart.agent.platform.common.RegistryValue;
import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationFlag;

/**
 * A registry value in the 64-bit view (also a firewall profile setting, written under the group policy key the
 * firewall reads first). Remote Desktop, WinRM and firewall values are REMOTE_ACCESS; values under
 * {@code SYSTEM\CurrentControlSet} are read by Windows at start, so NEEDS_REBOOT.
 */
final class RegistryFix implements Fix {

    private final WindowsSettings windows;
    private final FixKind kind;
    private final String key;
    private final String name;
    private final RegistryValue value;

    RegistryFix(WindowsSettings windows, FixKind kind, String key, String name, RegistryValue value) {
        this.windows = windows;
        this.kind = kind;
        this.key = key;
        this.name = name;
        this.value = value;
    }

    @Override
    public FixKind kind() {
        return kind;
    }

    @Override
    public String target() {
        return key + "\\" + (name.isEmpty() ? "(Default)" : name) + " = " + value;
    }

    @Override
    public Set<RemediationFlag> flags() {
        String upper = key.toUpperCase(Locale.ROOT);
        Set<RemediationFlag> flags = EnumSet.noneOf(RemediationFlag.class);
        if (kind == FixKind.FIREWALL_PROFILE || upper.contains("\\TERMINAL SERVICES") || upper.contains("\\WINRM")
                || upper.contains("\\TERMINAL SERVER")) {
            flags.add(RemediationFlag.REMOTE_ACCESS);
        }
        if (upper.contains("\\SYSTEM\\CURRENTCONTROLSET\\")) {
            flags.add(RemediationFlag.NEEDS_REBOOT);
        }
        return flags;
    }

    @Override
    public List<Saved> capture() {
        String before = windows.registryValue(key, name).map(RegistryData::encode).orElse(null);
        return List.of(new Saved("registry", key, name, before != null, before, null, null, null, null, List.of()));
    }

    @Override
    public void apply() {
        windows.setRegistryValue(key, name, value);
    }
}
