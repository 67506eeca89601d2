package org.caart.agent.platform;

import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.Platform;
import org.caart.agent.platform.linux.LinuxPlatform;
import org.caart.agent.platform.windows.WindowsPlatform;

/** Picks the platform of the host the agent runs on. */
public final class Platforms {

    private Platforms() {
    }

    /** A new platform for this host; callers keep one per scan (some values are cached per instance). */
    public static Platform current() {
        return switch (OsFamily.ofThisJvm()) {
            case WINDOWS -> new WindowsPlatform();
            case LINUX -> new LinuxPlatform();
            case OTHER -> new LinuxPlatform(java.nio.file.Path.of("/"), OsFamily.OTHER);
        };
    }
}
