package org.caart.agent.platform.common;

import java.util.Locale;

/** The operating system families a policy or check can target. */
public enum OsFamily {
    WINDOWS, LINUX, OTHER;

    /** The family of the JVM's host, from {@code os.name}. */
    public static OsFamily ofThisJvm() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        return name.startsWith("linux") ? LINUX : OTHER;
    }
}
