package org.caart.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock: the system UTC clock, shifted by an offset that only a server started in test mode
 * lets anybody set (see {@link Clocks}). Everything that decides by date reads time from here.
 */
public final class AdjustableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    void setNow(Instant now) {
        offset.set(Duration.between(Instant.now(), now));
    }

    void setOffset(Duration ahead) {
        offset.set(ahead);
    }

    void reset() {
        offset.set(Duration.ZERO);
    }

    boolean adjusted() {
        return !offset.get().isZero();
    }
}
