package org.caart.agent.remediation;

import java.time.Duration;

/** Whether the agent can still reach its server: the dead-man check after a change to remote access. */
@FunctionalInterface
public interface ServerProbe {

    /** True when the server answered within {@code timeout}; never throws for an unreachable server. */
    boolean reachable(Duration timeout);
}
