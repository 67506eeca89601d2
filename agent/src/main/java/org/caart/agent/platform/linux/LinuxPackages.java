package org.caart.agent.platform.linux;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.caart.agent.platform.common.DpkgStatusParser;
import org.caart.agent.platform.common.InstalledPackage;
import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.SystemCommand;

/**
 * Installed packages: the dpkg status database read directly (parsed once per platform instance),
 * or, on hosts without dpkg, {@code rpm -q}.
 */
final class LinuxPackages {

    private static final String DPKG_STATUS = "/var/lib/dpkg/status";
    private static final List<String> RPM_PATHS = List.of("/usr/bin/rpm", "/bin/rpm");

    private final LinuxPlatform platform;
    private Map<String, InstalledPackage> dpkg;

    LinuxPackages(LinuxPlatform platform) {
        this.platform = platform;
    }

    Optional<InstalledPackage> find(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9.+\\-_:]*")) {
            throw new IllegalArgumentException("invalid package name '" + name + "'");
        }
        if (platform.exists(DPKG_STATUS)) {
            return Optional.ofNullable(dpkgDatabase().get(name));
        }
        Optional<String> rpm = RPM_PATHS.stream().filter(platform::exists).findFirst();
        if (rpm.isPresent() && platform.realRoot()) {
            return rpmQuery(rpm.get(), name);
        }
        throw new PlatformException("no package database found (neither " + DPKG_STATUS + " nor rpm)");
    }

    private synchronized Map<String, InstalledPackage> dpkgDatabase() {
        if (dpkg == null) {
            dpkg = DpkgStatusParser.installed(platform.readLines(DPKG_STATUS).orElse(List.of()));
        }
        return dpkg;
    }

    private Optional<InstalledPackage> rpmQuery(String rpm, String name) {
        SystemCommand.Result result = SystemCommand.run(
                List.of(rpm, "-q", "--qf", "%{NAME} %{VERSION}-%{RELEASE}\\n", name), Duration.ofSeconds(30));
        if (result.exitCode() == 0) {
            String[] first = result.lines().get(0).split(" ", 2);
            return Optional.of(new InstalledPackage(first[0], first.length > 1 ? first[1] : "", "rpm"));
        }
        if (result.output().contains("is not installed")) {
            return Optional.empty();
        }
        throw new PlatformException("rpm -q " + name + " failed with exit code " + result.exitCode() + ": "
                + result.output().strip());
    }
}
