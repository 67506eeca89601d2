package org.caart.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces the injectable {@link Clock}. Tests move it with {@link #setNow(Instant)}, which is refused unless
 * the server was started with {@code CAART_TEST_MODE=true}.
 */
@ApplicationScoped
public class Clocks {

    private static final System.Logger LOG = System.getLogger(Clocks.class.getName());
    private final AdjustableClock clock = new AdjustableClock();

    @Inject
    @ConfigProperty(name = "caart.test-mode", defaultValue = "false")
    boolean testMode;

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
