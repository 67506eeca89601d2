package org.caart.agent.remediation;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationFlag;

/**
 * One change from the agent's catalog, bound to a check and its target value. The agent journals
 * {@link #capture()} before it calls {@link #apply()}; {@link Restorer} puts the captured values back, so a
 * rollback needs nothing but the journal.
 */
interface Fix {

    FixKind kind();

    /** The value it sets, in words for the plan, e.g. "net.ipv4.ip_forward = 0". */
    String target();

    Set<RemediationFlag> flags();

    /** How long the change takes to show; the re-check waits this long. */
    default Duration settle() {
        return Duration.ZERO;
    }

    /** Everything {@link #apply()} will change, as it is now. */
    List<Saved> capture();

    /** Makes the change; a RemediationException says why it could not. */
    void apply();

    /** A name for ordering rules (e.g. a security policy setting); empty when no rule concerns it. */
    default String orderingName() {
        return "";
    }
}
