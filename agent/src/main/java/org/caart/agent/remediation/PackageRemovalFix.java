package org.caart.agent.remediation;

import java.util.List;
import java.util.Set;

import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationFlag;

/** Removes a package a {@code package-absent} check forbids, through the host's {@link PackageManager}. */
final class PackageRemovalFix implements Fix {

    private final PackageManager packages;
    private final String name;

    PackageRemovalFix(PackageManager packages, String name) {
        this.packages = packages;
        this.name = name;
    }

    @Override
    public FixKind kind() {
        return FixKind.PACKAGE_REMOVAL;
    }

    @Override
    public String target() {
        return "package " + name + " removed";
    }

    @Override
    public Set<RemediationFlag> flags() {
        return packages.rollbackNeedsRepository() ? Set.of(RemediationFlag.ROLLBACK_NEEDS_REPOSITORY) : Set.of();
    }

    @Override
    public List<Saved> capture() {
        return packages.capture(name);
    }

    @Override
    public void apply() {
        packages.remove(name);
    }
}
