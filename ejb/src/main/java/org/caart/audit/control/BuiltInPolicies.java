package org.caart.audit.control;

import java.util.List;
import java.util.Optional;
import org.caart.company.entity.ClientOs.OsFamily;

/**
 * The policies every agent carries (agent/src/main/resources/org/caart/agent/policies). An audit names one of
 * them, or "default": the company's policy for each endpoint's OS family.
 */
public final class BuiltInPolicies {

    public static final String DEFAULT = "default";

    public record Policy(String id, String name, OsFamily family) {
    }

    private static final List<Policy> ALL = List.of(
            new Policy("caart-windows-baseline", "CAaRT Windows baseline", OsFamily.WINDOWS),
            new Policy("caart-debian-baseline", "CAaRT Debian baseline", OsFamily.LINUX));

    private BuiltInPolicies() {
    }

    public static List<Policy> all() {
        return ALL;
    }

    public static Optional<Policy> find(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The default policy for an OS family. */
    public static Policy defaultFor(OsFamily family) {
        return ALL.stream().filter(p -> p.family() == family).findFirst().orElseThrow();
    }
}
