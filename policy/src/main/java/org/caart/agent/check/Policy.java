package org.caart.agent.check;

import java.util.List;
import java.util.function.Predicate;

/**
 * A parsed policy. {@code format} is one of "wazuh-sca-4", "wazuh-sca-5", "caart-1".
 * {@code requirements} is tested once per scan; when false every check is NOT_APPLICABLE with
 * "requirements not met: " + {@code requirementsText}.
 */
public record Policy(String id, String name, String description, String format, PolicyOrigin origin,
                     List<Check> checks, List<Unsupported> unsupported, Predicate<Host> requirements,
                     String requirementsText) {

    public Policy {
        checks = List.copyOf(checks);
        unsupported = unsupported == null ? List.of() : List.copyOf(unsupported);
        requirements = requirements == null ? host -> true : requirements;
    }
}
