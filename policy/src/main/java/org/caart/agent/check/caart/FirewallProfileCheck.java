package org.caart.agent.check.caart;

import java.util.Optional;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.FirewallProfile;
import org.caart.agent.platform.common.FirewallSetting;
import org.caart.agent.platform.common.OsFamily;

/**
 * A Windows Firewall profile setting (EnableFirewall, DefaultInboundAction, Logging\LogFileSize,
 * ...), group policy taking precedence over the local setting; the evidence names the key used.
 */
final class FirewallProfileCheck extends ValueCheck {

    private final FirewallProfile profile;
    private final String setting;

    private FirewallProfileCheck(CheckInfo info, Fields check) throws PolicyException {
        super(info, "firewall-profile", OsFamily.WINDOWS, Comparison.read(check),
                check.choice("missing", Missing.class, Missing.FAIL));
        this.profile = check.choice("profile", FirewallProfile.class, null);
        if (profile == null) {
            throw check.error("profile", "is required (domain, private or public)");
        }
        this.setting = check.text("setting");
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
    Optional<Observation> read(Host host) {
        FirewallSetting value = host.platform().firewallSetting(profile, setting);
        return value.value().map(v -> new Observation(v.text(), "from " + value.source()));
    }
}
