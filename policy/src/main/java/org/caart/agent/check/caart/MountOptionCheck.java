package org.caart.agent.check.caart;

import java.util.List;
import java.util.Optional;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.MountEntry;
import org.caart.agent.platform.common.MountsParser;
import org.caart.agent.platform.common.OsFamily;
import org.caart.contract.agent.v1.CheckStatus;

/**
 * A mount point is a separate mount carrying all the listed options (none listed: only that it is
 * mounted), judged on the live mount table; the mount stacked last on a point is the one in effect.
 */
final class MountOptionCheck extends TypedCheck {

    private final String mountPoint;
    private final List<String> options;
    private final Missing missing;

    private MountOptionCheck(CheckInfo info, String mountPoint, List<String> options, Missing missing) {
        super(info, "mount-option", OsFamily.LINUX);
        this.mountPoint = mountPoint;
        this.options = options;
        this.missing = missing;
    }

    static MountOptionCheck read(CheckInfo info, Fields check) throws PolicyException {
        return new MountOptionCheck(info, Paths.absolute(check, "mount-point"), check.list("options"),
                check.choice("missing", Missing.class, Missing.FAIL));
    }

    @Override
    String expected() {
        String what = options.isEmpty() ? mountPoint + " is a separate mount"
                : mountPoint + " mounted with " + String.join(",", options);
        return missing == Missing.FAIL ? what : what + " (or not a separate mount: " + missing + ")";
    }

    @Override
    Outcome probe(Host host) {
        Optional<MountEntry> mount = MountsParser.find(host.platform().mounts(), mountPoint);
        if (mount.isEmpty()) {
            String observed = mountPoint + " is not a separate mount";
            return switch (missing) {
                case FAIL -> Outcome.failed(expected(), observed);
                case PASS -> Outcome.passed(expected(), observed);
                case NOT_APPLICABLE -> new Outcome(CheckStatus.NOT_APPLICABLE, observed, expected(), observed);
            };
        }
        MountEntry entry = mount.get();
        String observed = entry.fsType() + " on " + mountPoint + " with " + String.join(",", entry.options());
        List<String> lacking = options.stream().filter(o -> !entry.options().contains(o)).toList();
        return lacking.isEmpty() ? Outcome.passed(expected(), observed)
                : Outcome.failed(expected(), observed + "; lacking " + String.join(",", lacking));
    }
}
