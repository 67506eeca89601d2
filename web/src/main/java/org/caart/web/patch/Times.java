package org.caart.web.patch;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Instants as the patch pages print them: to the second, with their offset; empty for none. */
final class Times {

    private Times() {
    }

    static String at(OffsetDateTime time) {
        return time == null ? "" : time.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
