package org.caart.agent.check.caart;

import java.util.Optional;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.Sysctl;

/** A running kernel parameter read from /proc/sys (the live value, not sysctl.conf). */
final class SysctlCheck extends ValueCheck {

    private final String key;

    private SysctlCheck(CheckInfo info, Fields check, String key) throws PolicyException {
        super(info, "sysctl", OsFamily.LINUX, Comparison.read(check), check.choice("missing", Missing.class,
                Missing.FAIL));
        this.key = key;
    }

    static SysctlCheck read(CheckInfo info, Fields check) throws PolicyException {
        String key = check.text("key");
        try {
            Sysctl.relativePath(key);
        } catch (IllegalArgumentException e) {
            throw check.error("key", e.getMessage());
        }
        return new SysctlCheck(info, check, key);
    }

    @Override
    String subject() {
        return key;
    }

    @Override
    String notSet() {
        return "not present in this kernel";
    }

    @Override
    Optional<Observation> read(Host host) {
        return Observation.of(host.platform().sysctl(key));
    }
}
