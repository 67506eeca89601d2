package org.caart.agent.run;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.caart.agent.check.LocalHost;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.Scanner;
import org.caart.agent.platform.common.Platform;
import org.caart.contract.agent.v1.AuditOrderView;
import org.caart.contract.agent.v1.ResultBatchView;
import org.caart.contract.agent.v1.RunEnd;

/**
 * Runs one order: resolves its policy, evaluates the checks one by one on this host and streams the results. Before
 * each check it looks whether the server asked to stop the run (then it ends STOPPED) or the agent is shutting down
 * (then it ends FAILED, saying so). A policy that does not load ends the run at once, FAILED with the reason.
 */
public final class AuditRunner {

    private static final System.Logger LOG = System.getLogger(AuditRunner.class.getName());
    static final String SHUTTING_DOWN = "the agent was stopped on the host before the run ended";

    private final Supplier<Platform> platforms;
    private final boolean allowServerCommands;
    private final Scanner scanner;
    private final Consumer<ResultBatchView> outbox;
    private final RunControl control;
    private final ScheduledExecutorService timer;
    private final Clock clock;

    public AuditRunner(Supplier<Platform> platforms, boolean allowServerCommands, Consumer<ResultBatchView> outbox,
            RunControl control, ScheduledExecutorService timer, Clock clock) {
        this.platforms = platforms;
        this.allowServerCommands = allowServerCommands;
        this.scanner = new Scanner(clock, 1);
        this.outbox = outbox;
        this.control = control;
        this.timer = timer;
        this.clock = clock;
    }

    public void run(AuditOrderView order) {
        String runId = order.runId();
        if (control.shuttingDown()) {
            return; // not begun: the server repeats the order to the next agent process
        }
        LOG.log(System.Logger.Level.INFO, "run " + runId + " of audit " + order.auditId() + " started");
        Policy policy;
        try {
            policy = OrderPolicies.resolve(order);
        } catch (PolicyException e) {
            new BatchStreamer(runId, 0, outbox, clock).finish(RunEnd.FAILED, "the policy could not be loaded: "
                    + e.getMessage());
            LOG.log(System.Logger.Level.WARNING, "run " + runId + " failed: " + e.getMessage());
            return;
        }
        BatchStreamer batches = new BatchStreamer(runId, policy.checks().size(), outbox, clock);
        ScheduledFuture<?> flusher = timer.scheduleWithFixedDelay(batches::flushIfDue, 200, 200, TimeUnit.MILLISECONDS);
        try {
            LocalHost host = LocalHost.forPolicy(platforms.get(), policy.origin(), allowServerCommands);
            int done = scanner.stream(policy, host, () -> control.stopRequested(runId) || control.shuttingDown(),
                    batches::add);
            end(batches, runId, done == policy.checks().size());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "run " + runId + " failed", e);
            batches.finish(RunEnd.FAILED, "the agent failed: " + e);
        } finally {
            flusher.cancel(false);
            control.finished(runId);
        }
    }

    private void end(BatchStreamer batches, String runId, boolean complete) {
        RunEnd end = complete ? RunEnd.COMPLETED : control.stopRequested(runId) ? RunEnd.STOPPED : RunEnd.FAILED;
        batches.finish(end, end == RunEnd.FAILED ? SHUTTING_DOWN : null);
        LOG.log(System.Logger.Level.INFO, "run " + runId + " ended " + end);
    }
}
