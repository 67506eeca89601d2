package org.caart.agent.platform.common;

import java.time.LocalDate;
import java.util.Objects;

/** The day the host last installed updates, and where the agent read it ("apt history", "dpkg.log", "rpm", ...). */
public record LastPatch(LocalDate date, String source) {

    public LastPatch {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
    }

    /** The later of two, either of which may be null. */
    static LocalDate newer(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
