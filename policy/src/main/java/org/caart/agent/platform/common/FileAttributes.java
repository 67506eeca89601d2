package org.caart.agent.platform.common;

import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Mode bits (permission bits only, e.g. 0640), owner and group names of a file or directory. */
public record FileAttributes(String path, boolean directory, int mode, String owner, String group) {

    public static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }

    /** The mode as four octal digits, e.g. "0640". */
    public String octalMode() {
        return octal(mode);
    }

    public static String octal(int mode) {
        return String.format("%04o", mode);
    }
}
