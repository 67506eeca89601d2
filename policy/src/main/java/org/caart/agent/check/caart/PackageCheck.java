package org.caart.agent.check.caart;

import java.util.Optional;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.InstalledPackage;
import org.caart.agent.platform.common.OsFamily;

/** package-installed / package-absent: a package by exact name in the dpkg database (or rpm). */
final class PackageCheck extends TypedCheck {

    private final String name;
    private final boolean wanted;

    private PackageCheck(CheckInfo info, String type, String name, boolean wanted) {
        super(info, type, OsFamily.LINUX);
        this.name = name;
        this.wanted = wanted;
    }

    static PackageCheck installed(CheckInfo info, Fields check) throws PolicyException {
        return new PackageCheck(info, "package-installed", packageName(check), true);
    }

    static PackageCheck absent(CheckInfo info, Fields check) throws PolicyException {
        return new PackageCheck(info, "package-absent", packageName(check), false);
    }

    private static String packageName(Fields check) throws PolicyException {
        String name = check.text("package");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9.+\\-_:]*")) {
            throw check.error("package", "is not a valid package name: '" + name + "'");
        }
        return name;
    }

    @Override
    String expected() {
        return "package " + name + (wanted ? " installed" : " not installed");
    }

    @Override
    Outcome probe(Host host) {
        Optional<InstalledPackage> found = host.platform().installedPackage(name);
        String observed = found.map(p -> "installed " + p.version() + " (" + p.source() + ")").orElse("not installed");
        return found.isPresent() == wanted ? Outcome.passed(expected(), observed) : Outcome.failed(expected(), observed);
    }
}
