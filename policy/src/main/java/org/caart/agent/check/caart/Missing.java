package org.caart.agent.check.caart;

import java.util.Locale;

/** What a check concludes when the thing it inspects does not exist (field {@code missing}). */
enum Missing {
    FAIL, PASS, NOT_APPLICABLE;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
