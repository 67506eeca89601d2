package org.caart.agent.platform.common;

/** A Windows service's start type, from the {@code Start} and {@code DelayedAutostart} values of its key. */
public enum ServiceStartType {
    BOOT, SYSTEM, AUTOMATIC, AUTOMATIC_DELAYED, MANUAL, DISABLED;

    public static ServiceStartType of(long start, boolean delayed) {
        return switch ((int) start) {
            case 0 -> BOOT;
            case 1 -> SYSTEM;
            case 2 -> delayed ? AUTOMATIC_DELAYED : AUTOMATIC;
            case 3 -> MANUAL;
            case 4 -> DISABLED;
            default -> throw new PlatformException("unknown service Start value " + start);
        };
    }
}
