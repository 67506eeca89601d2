package org.caart.agent.platform.linux;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.SystemCommand;
import org.caart.agent.remediation.PackageManager;
import org.caart.agent.remediation.RemediationException;
import org.caart.agent.remediation.Saved;

/**
 * Package removal on the real host with apt-get (dpkg database): the installed version is journaled, the package
 * removed ({@code apt-get remove}, configuration files kept) and, on rollback, installed again at that version from
 * the configured repositories. Not exercised by the tests on this machine (it would remove real software);
 * {@code DpkgStatusFile} covers the same fix on fixture roots.
 */
public final class AptPackageManager implements PackageManager {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Map<String, String> QUIET = Map.of("DEBIAN_FRONTEND", "noninteractive", "LC_ALL", "C");

    @Override
    public List<Saved> capture(String name) {
        SystemCommand.Result result = run(List.of("dpkg-query", "-W", "-f=${Version}", name));
        if (result.exitCode() != 0 || result.output().isBlank()) {
            throw new RemediationException("package " + name + " is not installed (dpkg-query: "
                    + result.output().strip()
                    + ")");
        }
        return List.of(new Saved("package", name, null, true, result.output().strip(), null, null, null, null,
                List.of()));
    }

    @Override
    public void remove(String name) {
        expect(run(List.of("apt-get", "remove", "-y", "-q", name)), "apt-get remove " + name);
    }

    @Override
    public void reinstall(Saved saved) {
        expect(run(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends",
                saved.key() + "=" + saved.value())), "apt-get install " + saved.key() + "=" + saved.value());
    }

    @Override
    public boolean rollbackNeedsRepository() {
        return true;
    }

    private static void expect(SystemCommand.Result result, String what) {
        if (result.exitCode() != 0) {
            List<String> lines = result.lines();
            throw new RemediationException(what + " failed with exit code " + result.exitCode() + ": "
                    + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
        }
    }

    private static SystemCommand.Result run(List<String> argv) {
        try {
            return SystemCommand.run(argv, QUIET, TIMEOUT);
        } catch (PlatformException e) {
            throw new RemediationException(e.getMessage(), e);
        }
    }
}
