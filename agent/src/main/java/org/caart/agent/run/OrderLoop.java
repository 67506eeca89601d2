package org.caart.agent.run;

import java.util.Random;
import java.util.function.Consumer;

import org.caart.agent.transport.Backoff;
import org.caart.agent.transport.ReEnrollRequiredException;
import org.caart.agent.transport.ServerClient;
import org.caart.agent.transport.ServerException;
import org.caart.contract.agent.v1.AuditOrderView;
import org.caart.contract.agent.v1.OrdersView;
import org.caart.contract.agent.v1.RemediationOrderView;

/**
 * Long-polls the server for orders: new runs go to {@code start}, stop requests to the run control, remediation
 * orders to {@code remediate} (which ignores repeats itself). When the server
 * cannot be asked it backs off; when it answers at once with nothing new (an order repeated while its first batch is
 * under way) it waits a second, so that it never spins.
 */
final class OrderLoop {

    private static final System.Logger LOG = System.getLogger(OrderLoop.class.getName());
    private static final long NOTHING_NEW_PAUSE_MILLIS = 1000;

    private final ServerClient client;
    private final int pollSeconds;
    private final RunControl control;
    private final Consumer<AuditOrderView> start;
    private final Consumer<RemediationOrderView> remediate;
    private final Backoff backoff;
    private final Random random;
    private volatile String problem;

    /** What one poll brought. */
    enum Poll { NEWS, NOTHING_NEW, FAILED }

    OrderLoop(ServerClient client, int pollSeconds, RunControl control, Consumer<AuditOrderView> start, Backoff backoff,
            Random random) {
        this(client, pollSeconds, control, start, order -> { }, backoff, random);
    }

    OrderLoop(ServerClient client, int pollSeconds, RunControl control, Consumer<AuditOrderView> start,
            Consumer<RemediationOrderView> remediate, Backoff backoff, Random random) {
        this.client = client;
        this.pollSeconds = pollSeconds;
        this.control = control;
        this.start = start;
        this.remediate = remediate;
        this.backoff = backoff;
        this.random = random;
    }

    /** Polls until the agent shuts down. */
    void pollUntilShutdown() {
        int failures = 0;
        while (!control.shuttingDown()) {
            try {
                long started = System.nanoTime();
                Poll poll = poll();
                if (poll == Poll.FAILED) {
                    Thread.sleep(backoff.delay(failures++, random).toMillis());
                } else {
                    failures = 0;
                    if (poll == Poll.NOTHING_NEW && (System.nanoTime() - started) / 1_000_000 < NOTHING_NEW_PAUSE_MILLIS) {
                        Thread.sleep(NOTHING_NEW_PAUSE_MILLIS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Poll poll() throws InterruptedException {
        try {
            OrdersView orders = client.orders(pollSeconds);
            problem = null;
            return dispatch(orders) ? Poll.NEWS : Poll.NOTHING_NEW;
        } catch (ReEnrollRequiredException e) {
            control.revoked(e);
            return Poll.FAILED;
        } catch (ServerException e) {
            problem = e.getMessage();
            LOG.log(System.Logger.Level.WARNING, "cannot fetch orders: " + e.getMessage());
            return Poll.FAILED;
        }
    }

    /** Why the last poll failed; null after a good one. */
    String problem() {
        return problem;
    }

    private boolean dispatch(OrdersView orders) {
        boolean news = false;
        for (String runId : orders.stopRunIds()) {
            if (!control.stopRequested(runId)) {
                control.requestStop(runId);
                news |= control.stopRequested(runId);
            }
        }
        orders.remediate().forEach(remediate);
        for (AuditOrderView order : orders.start()) {
            if (control.accept(order.runId())) {
                LOG.log(System.Logger.Level.INFO, "order: run " + order.runId() + " of audit " + order.auditId()
                        + " (" + order.auditTitle() + ")");
                start.accept(order);
                news = true;
            }
        }
        return news;
    }
}
