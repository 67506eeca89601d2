package org.caart.agent.platform.common;

import java.util.Optional;

/**
 * Resolves Windows Firewall profile settings the way the firewall service does: a value set by
 * group policy under {@code HKLM\SOFTWARE\Policies\Microsoft\WindowsFirewall\<Profile>} wins; only
 * when policy does not set it does the local value under
 * {@code HKLM\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\<Profile>}
 * apply. Value names may name a sub-key, e.g. {@code Logging\LogDroppedPackets}.
 */
public final class WindowsFirewall {

    static final String POLICY_ROOT = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\";
    static final String LOCAL_ROOT =
            "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\";

    private WindowsFirewall() {
    }

    public static FirewallSetting setting(RegistryAccess registry, FirewallProfile profile, String valueName) {
        String subKey = "";
        String name = valueName;
        int slash = valueName.lastIndexOf('\\');
        if (slash >= 0) {
            subKey = "\\" + valueName.substring(0, slash);
            name = valueName.substring(slash + 1);
        }
        String policyKey = POLICY_ROOT + profile.policyKey() + subKey;
        Optional<RegistryValue> fromPolicy = registry.value(policyKey, name);
        if (fromPolicy.isPresent()) {
            return new FirewallSetting(fromPolicy, policyKey);
        }
        String localKey = LOCAL_ROOT + profile.localKey() + subKey;
        Optional<RegistryValue> local = registry.value(localKey, name);
        if (local.isPresent()) {
            return new FirewallSetting(local, localKey);
        }
        return new FirewallSetting(Optional.empty(), "not set in " + policyKey + " nor " + localKey);
    }
}
