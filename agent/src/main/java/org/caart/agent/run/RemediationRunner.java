package org.caart.agent.run;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.caart.agent.remediation.RemediationException;
import org.caart.agent.remediation.Remediator;
import org.caart.agent.transport.ReEnrollRequiredException;
import org.caart.agent.transport.ServerClient;
import org.caart.agent.transport.ServerException;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationReportView;

/**
 * Remediation orders of {@code caart-agent run}: carried out one at a time on their own thread (an audit may run
 * meanwhile), each report sent to the server as it is made. A report the server cannot take is kept (the latest per
 * order) and sent again with the next one or after the next poll; the server repeats an order until it holds a
 * finished report, and a repeat of an order the journal knows is answered with its latest report.
 */
final class RemediationRunner {

    private static final System.Logger LOG = System.getLogger(RemediationRunner.class.getName());

    private final Remediator remediator;
    private final ServerClient client;
    private final RunControl control;
    private final Set<String> underWay = ConcurrentHashMap.newKeySet();
    private final Map<String, RemediationReportView> unsent = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "caart-remediation");
        thread.setDaemon(true);
        return thread;
    });

    RemediationRunner(RemediatorFactory factory, ServerClient client, RunControl control) {
        this.remediator = factory.create(this::send);
        this.client = client;
        this.control = control;
    }

    /** Builds the remediator with the report sink. */
    @FunctionalInterface
    interface RemediatorFactory {
        Remediator create(java.util.function.Consumer<RemediationReportView> reports);
    }

    /** Finishes or reverts what the agent was stopped in, before the first poll. */
    void recover() {
        worker.execute(() -> guarded(remediator::recover));
    }

    void offer(RemediationOrderView order) {
        if (order.orderId() == null || !underWay.add(order.orderId())) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "remediation order " + order.orderId() + ": " + order.action() + " of "
                + order.items().size() + " checks");
        worker.execute(() -> {
            try {
                guarded(() -> remediator.execute(order, "/", "server"));
            } finally {
                underWay.remove(order.orderId());
            }
        });
        resendUnsent();
    }

    void resendUnsent() {
        unsent.values().forEach(this::send);
    }

    void shutdown(long seconds) {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(seconds, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "a remediation order did not finish within " + seconds + " s; the"
                        + " journal lets the next start finish or revert it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(RemediationReportView report) {
        RemediationReportView newest = unsent.merge(report.orderId(), report,
                (a, b) -> a.sequence() >= b.sequence() ? a : b);
        try {
            client.remediationReport(newest);
            unsent.remove(report.orderId(), newest);
        } catch (ReEnrollRequiredException e) {
            control.revoked(e);
        } catch (ServerException e) {
            LOG.log(System.Logger.Level.WARNING, "remediation report of order " + report.orderId() + " not sent yet: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RemediationException e) {
            LOG.log(System.Logger.Level.ERROR, "remediation failed: " + e.getMessage(), e);
        }
    }
}
