package org.caart.agent.check.caart;

import java.util.Optional;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.FirewallProfile;
import org.caart.agent.platform.common.FirewallSetting;
import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.RegistryValueType;

/**
 * A Windows Firewall profile setting (EnableFirewall, DefaultInboundAction, Logging\LogFileSize,
 * ...), group policy taking precedence over the local setting; the evidence names the key used. {@code value-type}
 * works as for registry-value checks.
 */
final class FirewallProfileCheck extends ValueCheck {

    private final FirewallProfile profile;
    private final String setting;
    private final RegistryValueType valueType;

    private FirewallProfileCheck(CheckInfo info, Fields check) throws PolicyException {
        super(info, "firewall-profile", OsFamily.WINDOWS, Comparison.read(check),
                check.choice("missing", Missing.class, Missing.FAIL));
        this.profile = check.choice("profile", FirewallProfile.class, null);
        if (profile == null) {
            throw check.error("profile", "is required (domain, private or public)");
        }
        this.setting = check.text("setting");
        this.valueType = RegistryValueCheck.valueType(check);
    }

    static FirewallProfileCheck read(CheckInfo info, Fields check) throws PolicyException {
        return new FirewallProfileCheck(info, check);
    }

    @Override
    String subject() {
        return profile.name().toLowerCase(java.util.Locale.ROOT) + " profile " + setting;
    }

    @Override
    String notSet() {
        return "not set by group policy nor locally";
    }

    @Override
    String expected() {
        return valueType == null ? super.expected() : super.expected() + " [" + valueType + "]";
    }

    @Override
    Outcome probe(Host host) {
        Optional<Outcome> wrong = RegistryValueCheck.wrongType(valueType,
                host.platform().firewallSetting(profile, setting).value(), expected());
        return wrong.orElseGet(() -> super.probe(host));
    }

    @Override
    Optional<Observation> read(Host host) {
        FirewallSetting value = host.platform().firewallSetting(profile, setting);
        return value.value().map(v -> new Observation(v.text(), "from " + value.source()));
    }
}
