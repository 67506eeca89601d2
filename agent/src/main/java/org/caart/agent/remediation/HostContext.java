package org.caart.agent.remediation;

import java.util.function.Supplier;

import org.caart.agent.check.Host;
import org.caart.agent.check.LocalHost;
import org.caart.agent.platform.common.Platform;

/**
 * The host an order changes: its files below a root, a fresh platform for every check evaluation (platforms cache
 * what they read), and the ports to the daemons and managers a fix needs.
 */
public record HostContext(RootedFiles files, Supplier<Platform> platforms, SshdControl sshd, PackageManager packages,
                          WindowsSettings windows) {

    /** A host to evaluate a check on, reading everything afresh; commands only for local policies. */
    public Host freshHost(boolean commandsAllowed) {
        return new LocalHost(platforms.get(), commandsAllowed);
    }
}
