package org.caart.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import org.caart.ingest.boundary.IngestQueue;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the JMS broker (embedded or external) accepts a connection. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Inject
    IngestQueue queue;

    @Override
    public HealthCheckResponse call() {
        try {
            queue.ping();
            return HealthCheckResponse.up("broker");
        } catch (JMSException | RuntimeException e) {
            return HealthCheckResponse.named("broker").down().withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
