package org.caart.agent.remediation;

import java.util.Locale;
import java.util.Optional;

import org.caart.agent.check.Check;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.PolicyOrigin;
import org.caart.agent.platform.common.FileAttributes;
import org.caart.agent.platform.common.FirewallProfile;
import org.caart.agent.platform.common.Platform;
import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.RegistryKey;
import org.caart.agent.platform.common.RegistryValue;
import org.caart.agent.platform.common.RegistryValueType;
import org.caart.agent.platform.common.ServiceStartType;
import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationItemOrder;

/**
 * The agent's fix catalog: for a CAaRT typed check, the fix that sets the check's expected value (see
 * {@link Targets}, {@link CatalogEntries}); for a Wazuh SCA check, or a typed check no fix fits, a manual item. The
 * catalog never takes a value or command from the server.
 */
final class FixCatalog {

    private static final String FIREWALL_POLICY =
            "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\";

    private final CatalogEntries entries;

    FixCatalog(CatalogEntries entries) {
        this.entries = entries;
    }

    /** Evaluates the check on the host as it is now and finds its fix; nothing changes. */
    Planned plan(RemediationItemOrder item, RemediationPolicy policy, Check check, HostContext host,
                 RemediationSettings settings) {
        Outcome observed = check.evaluate(host.freshHost(policy.commandsAllowed(settings.allowServerCommands())));
        if (!policy.typed()) {
            return new Planned(item, policy, check, observed, null,
                    "Wazuh SCA checks describe their remediation in prose; the agent has no automatic fix for them");
        }
        if (policy.policy().origin() == PolicyOrigin.SERVER && !settings.uploadedPolicies()) {
            return new Planned(item, policy, check, observed, null, "fixes from uploaded policies are off on this host"
                    + " (remediation-uploaded-policies=false); the agent fixes the checks of its built-in policies");
        }
        CheckSpec spec = policy.specs().get(check.info().id());
        try {
            return new Planned(item, policy, check, observed, fix(policy.policy().id(), check.info().id(), spec, host),
                    null);
        } catch (NoFix e) {
            return new Planned(item, policy, check, observed, null, e.getMessage());
        } catch (PlatformException | RemediationException e) {
            return new Planned(item, policy, check, observed, null, "no fix can be prepared: " + e.getMessage());
        }
    }

    private Fix fix(String policyId, String checkId, CheckSpec spec, HostContext host) {
        Optional<CatalogEntries.Entry> entry = entries.find(policyId, checkId);
        return switch (spec.type()) {
            case "sysctl" -> new SysctlFix(host.files(), spec.required("key"), target(spec, entry));
            case "sshd-setting" -> new SshdSettingFix(host.files(), host.sshd(), spec.required("keyword"),
                    spec.op().equals("excludes") && entry.isEmpty() ? withoutExcluded(spec, host) : target(spec,
                            entry));
            case "file-mode" -> fileMode(spec, host);
            case "package-absent" -> new PackageRemovalFix(host.packages(), spec.required("package"));
            case "file-content" -> configLine(host, entry);
            case "registry-value" -> registry(host, FixKind.REGISTRY_VALUE,
                    RegistryKey.parse(spec.required("key")).toString(), spec.required("name"), target(spec, entry),
                    valueType(spec));
            case "firewall-profile" -> firewall(spec, entry, host);
            case "security-policy" -> new SecurityPolicyFix(host.windows(), spec.required("setting"), target(spec,
                    entry));
            case "user-right" -> userRight(spec, host);
            case "audit-policy" -> new AuditPolicyFix(host.windows(), "{" + spec.required("guid").replace("{", "")
                    .replace("}", "").toUpperCase(Locale.ROOT) + "}", spec.flag("success"), spec.flag("failure"));
            case "service-start-type" -> new ServiceStartFix(host.windows(), spec.required("service"),
                    ServiceStartType.valueOf(target(spec, entry).toUpperCase(Locale.ROOT).replace('-', '_')));
            case "package-installed" -> throw new NoFix("installing software is left to the administrator");
            case "file-exists" -> throw new NoFix("creating or deleting files is left to the administrator");
            case "mount-option" -> throw new NoFix("mount options need /etc/fstab and a remount; left to the"
                    + " administrator");
            default -> throw new NoFix("the agent has no fix for checks of type " + spec.type());
        };
    }

    private static String target(CheckSpec spec, Optional<CatalogEntries.Entry> entry) {
        return Targets.of(spec, entry).orElseThrow(() -> new NoFix("the check's expectation (op " + spec.op()
                + ") names no single value to set"));
    }

    /**
     * For an sshd list keyword that must exclude some entries (Ciphers, MACs, KexAlgorithms): the list in effect now
     * without them, so that nothing the daemon offers is added.
     */
    private static String withoutExcluded(CheckSpec spec, HostContext host) {
        String keyword = spec.required("keyword");
        String now = host.platforms().get().sshdConfig().flatMap(c -> c.value(keyword))
                .orElseThrow(() -> new NoFix("sshd's current " + keyword + " are unknown"));
        java.util.List<String> excluded = spec.operands().stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
        java.util.List<String> kept = java.util.Arrays.stream(now.split("[,\\s]+")).filter(a -> !a.isBlank())
                .filter(a -> !excluded.contains(a.toLowerCase(Locale.ROOT))).toList();
        if (kept.isEmpty()) {
            throw new NoFix("every " + keyword + " entry in effect is excluded; choose the list by hand");
        }
        return String.join(",", kept);
    }

    private static Fix fileMode(CheckSpec spec, HostContext host) {
        String path = spec.required("path");
        Platform platform = host.platforms().get();
        FileAttributes now = platform.fileAttributes(path).orElseThrow(() -> new NoFix(path + " does not exist;"
                + " creating it is left to the administrator"));
        Integer maxMode = spec.text("max-mode").map(m -> Integer.parseInt(m, 8)).orElse(null);
        int fullMode;
        try {
            fullMode = RootedFiles.mode(host.files().resolve(path));
        } catch (java.io.IOException e) {
            throw new RemediationException("cannot read the mode of " + path + ": " + e.getMessage(), e);
        }
        return new FileModeFix(host.files(), now, fullMode, maxMode, spec.list("owner"), spec.list("group"));
    }

    private static Fix configLine(HostContext host, Optional<CatalogEntries.Entry> entry) {
        CatalogEntries.Entry line = entry.filter(e -> e.path() != null && e.key() != null)
                .orElseThrow(() -> new NoFix("the agent's catalog has no line to set for this file-content check"));
        return new ConfigLineFix(host.files(), line.path(), line.key(), line.separator() == null ? " "
                : line.separator(),
                line.value());
    }

    private static Fix registry(HostContext host, FixKind kind, String key, String name, String value,
            RegistryValueType wanted) {
        Optional<RegistryValue> now = host.windows().registryValue(key, name);
        return new RegistryFix(host.windows(), kind, key, name, RegistryData.target(value, wanted,
                now.map(RegistryValue::type).orElse(null)));
    }

    /** The registry type the check names ({@code value-type}), if any. */
    private static RegistryValueType valueType(CheckSpec spec) {
        return spec.text("value-type").map(t -> RegistryValueType.valueOf(t.strip().toUpperCase(Locale.ROOT)))
                .orElse(null);
    }

    private static Fix firewall(CheckSpec spec, Optional<CatalogEntries.Entry> entry, HostContext host) {
        FirewallProfile profile = FirewallProfile.valueOf(spec.required("profile").toUpperCase(Locale.ROOT));
        String setting = spec.required("setting");
        int slash = setting.lastIndexOf('\\');
        String key = FIREWALL_POLICY + profile.policyKey() + (slash < 0 ? "" : "\\" + setting.substring(0, slash));
        return registry(host, FixKind.FIREWALL_PROFILE, key, setting.substring(slash + 1), target(spec, entry),
                valueType(spec));
    }

    private static Fix userRight(CheckSpec spec, HostContext host) {
        String right = spec.required("right");
        String op = spec.text("op").orElse("exactly").toLowerCase(Locale.ROOT);
        return new UserRightFix(host.windows(), right, UserRightFix.holders(op, host.windows().rightHolders(right),
                spec.list("accounts")));
    }

    /** The check has no automatic fix; the message says why. */
    static final class NoFix extends RuntimeException {
        NoFix(String message) {
            super(message);
        }
    }
}
