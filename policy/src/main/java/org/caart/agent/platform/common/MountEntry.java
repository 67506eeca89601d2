package org.caart.agent.platform.common;

import java.util.List;

/** One line of the mount table. */
public record MountEntry(String device, String mountPoint, String fsType, List<String> options) {

    public MountEntry {
        options = List.copyOf(options);
    }
}
