package org.caart.agent.remediation;

import java.util.List;
import java.util.Set;

import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationFlag;

/** A [System Access] setting of the local security policy (password and lockout policy, guest account, ...). */
final class SecurityPolicyFix implements Fix {

    private final WindowsSettings windows;
    private final String setting;
    private final String value;

    SecurityPolicyFix(WindowsSettings windows, String setting, String value) {
        this.windows = windows;
        this.setting = setting;
        this.value = value;
    }

    @Override
    public FixKind kind() {
        return FixKind.SECURITY_POLICY;
    }

    @Override
    public String target() {
        return setting + " = " + value;
    }

    @Override
    public Set<RemediationFlag> flags() {
        return Set.of();
    }

    @Override
    public List<Saved> capture() {
        return List.of(Saved.value("security-policy", setting, windows.securityPolicySetting(setting).orElse(null)));
    }

    @Override
    public void apply() {
        windows.setSecurityPolicySetting(setting, value);
    }

    @Override
    public String orderingName() {
        return setting;
    }

    String value() {
        return value;
    }

    /** The setting as it is now; empty when it is not defined. */
    java.util.Optional<String> current() {
        return windows.securityPolicySetting(setting);
    }
}
