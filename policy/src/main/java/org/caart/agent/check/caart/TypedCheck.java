package org.caart.agent.check.caart;

import org.caart.agent.check.Check;
import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;
import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.PlatformException;
import org.caart.contract.agent.v1.CheckStatus;

/**
 * A CAaRT check of one type for one OS family. On another family it is NOT_APPLICABLE; a value the
 * platform cannot read is an ERROR with the platform's reason. Every outcome carries the expected
 * value and what was observed (or why nothing could be).
 */
abstract class TypedCheck implements Check {

    private final CheckInfo info;
    private final String type;
    private final OsFamily family;

    TypedCheck(CheckInfo info, String type, OsFamily family) {
        this.info = info;
        this.type = type;
        this.family = family;
    }

    @Override
    public CheckInfo info() {
        return info;
    }

    String type() {
        return type;
    }

    OsFamily family() {
        return family;
    }

    @Override
    public final Outcome evaluate(Host host) {
        OsFamily hostFamily = host.platform().family();
        if (hostFamily != family) {
            return new Outcome(CheckStatus.NOT_APPLICABLE, type + " checks apply to " + family
                    + " hosts; this host is " + hostFamily, expected(), "host family " + hostFamily);
        }
        try {
            return probe(host);
        } catch (PlatformException e) {
            return new Outcome(CheckStatus.ERROR, e.getMessage(), expected(), "could not be read");
        } catch (RuntimeException e) {
            return new Outcome(CheckStatus.ERROR, "unexpected failure: " + e, expected(), "could not be read");
        }
    }

    /** Reads the host and judges; may raise PlatformException for unreadable values. */
    abstract Outcome probe(Host host);

    /** What has to hold, in words a reviewer understands, e.g. "MinimumPasswordLength ge 14". */
    abstract String expected();
}
