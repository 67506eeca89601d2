package org.caart.policy.boundary;

import java.util.List;
import java.util.Optional;
import org.caart.company.entity.ClientOs.OsFamily;

/**
 * The policies every agent carries (policy/src/main/resources/org/caart/agent/policies). An audit names one of
 * them, or "default": the company's default policy for each endpoint's OS family (preset to the family's
 * baseline, changed on the company's settings page).
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

    /** The built-in policies of one OS family. */
    public static List<Policy> of(OsFamily family) {
        return ALL.stream().filter(p -> p.family() == family).toList();
    }

    /** The company's default policy for an OS family: its choice, else the family's built-in baseline. */
    public static Policy defaultFor(org.caart.company.entity.Company company, OsFamily family) {
        return company.defaultPolicy(family).flatMap(BuiltInPolicies::find).orElseGet(() -> defaultFor(family));
    }

    /** The built-in baseline of an OS family. */
    public static Policy defaultFor(OsFamily family) {
        return ALL.stream().filter(p -> p.family() == family).findFirst().orElseThrow();
    }
}
