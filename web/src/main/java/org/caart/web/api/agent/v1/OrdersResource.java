package org.caart.web.api.agent.v1;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.caart.contract.agent.v1.OrdersView;
import org.caart.endpoint.boundary.AgentGate;
import org.caart.endpoint.boundary.AgentIdentity;
import org.caart.remediation.boundary.RemediationOrders;

/**
 * Long poll for orders. The request is suspended ({@link AsyncResponse}), so a waiting agent holds no request
 * thread; a scheduled check each second answers as soon as there is work, or with nothing after the wait.
 */
@Path("agent/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    static final int MAX_WAIT_SECONDS = 55;

    @Inject
    AgentGate gate;

    @Inject
    RemediationOrders orders;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @GET
    public void poll(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("waitSeconds") @DefaultValue("0") int waitSeconds, @Suspended AsyncResponse response) {
        AgentIdentity agent = gate.authenticate(authorization);
        OrdersView now = orders(agent);
        if (!now.isEmpty() || waitSeconds <= 0) {
            response.resume(now);
            return;
        }
        Instant until = Instant.now().plusSeconds(Math.min(waitSeconds, MAX_WAIT_SECONDS));
        response.setTimeout(Math.min(waitSeconds, MAX_WAIT_SECONDS) + 5L, TimeUnit.SECONDS);
        scheduler.schedule(() -> check(agent, until, response), 1, TimeUnit.SECONDS);
    }

    /** Audit orders and remediation orders, in one boundary call. */
    private OrdersView orders(AgentIdentity agent) {
        return orders.orders(agent);
    }

    private void check(AgentIdentity agent, Instant until, AsyncResponse response) {
        if (response.isDone()) {
            return;
        }
        try {
            OrdersView found = orders(agent);
            if (!found.isEmpty() || Instant.now().isAfter(until)) {
                response.resume(found);
            } else {
                scheduler.schedule(() -> check(agent, until, response), 1, TimeUnit.SECONDS);
            }
        } catch (RuntimeException e) {
            response.resume(e);
        }
    }
}
