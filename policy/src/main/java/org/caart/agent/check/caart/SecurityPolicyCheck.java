package org.caart.agent.check.caart;

import java.util.Optional;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.OsFamily;

/** A [System Access] setting of the local security policy, e.g. MinimumPasswordLength or LockoutBadCount. */
final class SecurityPolicyCheck extends ValueCheck {

    private final String setting;

    private SecurityPolicyCheck(CheckInfo info, Fields check, String setting) throws PolicyException {
        super(info, "security-policy", OsFamily.WINDOWS, Comparison.read(check),
                check.choice("missing", Missing.class, Missing.FAIL));
        this.setting = setting;
    }

    static SecurityPolicyCheck read(CheckInfo info, Fields check) throws PolicyException {
        return new SecurityPolicyCheck(info, check, check.text("setting"));
    }

    @Override
    String subject() {
        return setting;
    }

    @Override
    String notSet() {
        return "not defined in the exported security policy";
    }

    @Override
    Optional<Observation> read(Host host) {
        return Observation.of(host.platform().securityPolicy().setting(setting));
    }
}
