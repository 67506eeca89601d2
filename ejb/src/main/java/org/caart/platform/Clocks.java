package org.caart.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces the injectable {@link Clock}. Tests move it with {@link #setNow(Instant)}, which is refused unless
 * the server was started with {@code CAART_TEST_MODE=true}. A test-mode server may also start with its clock ahead
 * by {@code CAART_TEST_CLOCK_OFFSET} (an ISO-8601 duration such as {@code PT1000000H}), so that an instance
 * restarted into a cluster whose clocks were moved reads the same time as the others from its first timer on.
 */
@ApplicationScoped
public class Clocks {

    private static final System.Logger LOG = System.getLogger(Clocks.class.getName());
    private final AdjustableClock clock = new AdjustableClock();

    @Inject
    @ConfigProperty(name = "caart.test-mode", defaultValue = "false")
    boolean testMode;

    @Inject
    @ConfigProperty(name = "caart.test-clock-offset")
    Optional<String> startOffset;

    @PostConstruct
    void applyStartOffset() {
        startOffset.filter(text -> !text.isBlank()).ifPresent(text -> {
            if (!testMode) {
                LOG.log(Level.WARNING, "CAART_TEST_CLOCK_OFFSET is ignored: the server was not started in test mode");
                return;
            }
            try {
                clock.setOffset(Duration.parse(text.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("CAART_TEST_CLOCK_OFFSET must be an ISO-8601 duration such as "
                        + "PT1000000H, not \"" + text + "\"", e);
            }
            LOG.log(Level.WARNING, "Test mode: application clock started {0} ahead, at {1}", text, clock.instant());
        });
    }

    @Produces
    public Clock clock() {
        return clock;
    }

    public boolean testMode() {
        return testMode;
    }

    public void setNow(Instant now) {
        requireTestMode();
        clock.setNow(now);
        LOG.log(Level.WARNING, "Test mode: application clock set to {0}", now);
    }

    public void reset() {
        requireTestMode();
        clock.reset();
    }

    private void requireTestMode() {
        if (!testMode) {
            throw new ForbiddenException("The clock can only be set on a server started in test mode");
        }
    }
}
