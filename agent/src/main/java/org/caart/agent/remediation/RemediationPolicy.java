package org.caart.agent.remediation;

import java.util.Map;
import java.util.Optional;

import org.caart.agent.check.Check;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyOrigin;
import org.caart.agent.check.caart.CaartPolicyParser;

/** A policy an order's items come from, with the raw check definitions of a CAaRT policy (none for Wazuh SCA). */
record RemediationPolicy(String requestedId, Policy policy, Map<String, CheckSpec> specs) {

    boolean typed() {
        return policy.format().equals(CaartPolicyParser.FORMAT);
    }

    Optional<Check> check(String checkId) {
        return policy.checks().stream().filter(c -> c.info().id().equals(checkId)).findFirst();
    }

    /** Command checks of a server policy run only where the host allows server commands; others always may. */
    boolean commandsAllowed(boolean allowServerCommands) {
        return policy.origin() != PolicyOrigin.SERVER || allowServerCommands;
    }
}
