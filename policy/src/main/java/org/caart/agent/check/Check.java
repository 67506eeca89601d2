package org.caart.agent.check;

/** One auditable rule. Implementations never throw for host conditions; they return an {@link Outcome}. */
public interface Check {

    CheckInfo info();

    Outcome evaluate(Host host);

    /** A rough relative cost (1 = reading a file); the scanner starts expensive checks first. */
    default int cost() {
        return 1;
    }

    /** Whether evaluating it runs a command, which a server-sent policy may do only where the host allows it. */
    default boolean runsCommands() {
        return false;
    }
}
