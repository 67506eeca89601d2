package org.caart.agent.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.caart.agent.Version;
import org.caart.agent.platform.common.LastPatch;
import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.Platform;
import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.RegistryValue;
import org.caart.contract.agent.v1.HostView;

/**
 * What the agent tells the server about its host at enrollment and in every heartbeat. The last patch date is read
 * at most once an hour (on Windows it queries WMI and walks the servicing registry); a date that cannot be read is sent as unknown
 * and the reason logged. The OS build is the kernel release on Linux and build.UBR on Windows.
 */
public final class HostViews {

    private static final System.Logger LOG = System.getLogger(HostViews.class.getName());
    static final Duration PATCH_READ_INTERVAL = Duration.ofHours(1);
    private static final String WINDOWS_VERSION = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

    private final Platform platform;
    private final Clock clock;
    private Optional<LastPatch> patch = Optional.empty();
    private Instant patchReadAt;

    public HostViews(Platform platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    public synchronized HostView current() {
        LastPatch last = lastPatch().orElse(null);
        return new HostView(platform.hostname(), platform.osName(), platform.family().name(), platform.osVersion(),
                osBuild(), Version.current(), last == null ? null : last.date().toString(),
                last == null ? null : last.source());
    }

    private Optional<LastPatch> lastPatch() {
        Instant now = clock.instant();
        if (patchReadAt == null || !now.isBefore(patchReadAt.plus(PATCH_READ_INTERVAL))) {
            patchReadAt = now;
            try {
                patch = platform.lastPatch();
            } catch (PlatformException e) {
                LOG.log(System.Logger.Level.WARNING, "last patch date unknown: " + e.getMessage());
                patch = Optional.empty();
            }
        }
        return patch;
    }

    private String osBuild() {
        try {
            if (platform.family() == OsFamily.WINDOWS) {
                String build = platform.registry().value(WINDOWS_VERSION, "CurrentBuild").map(RegistryValue::text)
                        .orElse(null);
                Optional<String> ubr = platform.registry().value(WINDOWS_VERSION, "UBR").map(RegistryValue::text);
                return build == null ? null : build + ubr.map(u -> "." + u).orElse("");
            }
            return platform.family() == OsFamily.LINUX ? platform.sysctl("kernel.osrelease").orElse(null) : null;
        } catch (PlatformException e) {
            return null;
        }
    }
}
