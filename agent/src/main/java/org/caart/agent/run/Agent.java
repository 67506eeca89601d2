package org.caart.agent.run;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.caart.agent.ExitCode;
import org.caart.agent.config.AgentIdentity;
import org.caart.agent.platform.common.Platform;
import org.caart.agent.transport.Backoff;
import org.caart.agent.transport.Heartbeats;
import org.caart.agent.transport.HostViews;
import org.caart.agent.transport.Outbox;
import org.caart.agent.transport.ReEnrollRequiredException;
import org.caart.agent.transport.ServerClient;
import org.caart.agent.transport.ServerException;
import org.caart.agent.transport.Spool;
import org.caart.agent.remediation.Remediator;
import org.caart.contract.agent.v1.AuditOrderView;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationReportView;

/**
 * {@code caart-agent run} once wired: a heartbeat at start and every minute, a long-poll loop for orders, one audit
 * at a time on a worker thread, result batches sent or spooled, and a resender for the spool. {@link #shutdown()}
 * lets the current check finish, sends or spools what it produced, and returns.
 */
public final class Agent {

    private static final System.Logger LOG = System.getLogger(Agent.class.getName());
    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(60);
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);
    static final Duration ONCE_LIMIT = Duration.ofHours(12);

    private final RunControl control = new RunControl();
    private final Spool spool;
    private final Heartbeats heartbeats;
    private final Outbox outbox;
    private final OrderLoop orders;
    private final AuditRunner runner;
    private final RemediationRunner remediation;
    private final ExecutorService audits = Executors.newSingleThreadExecutor(threads("caart-audit"));
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, threads("caart-timer"));
    private volatile String problem;

    public Agent(AgentIdentity identity, boolean allowServerCommands, Spool spool, Supplier<Platform> platforms,
            Backoff backoff) {
        this(identity, allowServerCommands, spool, platforms, backoff, null);
    }

    /**
     * With {@code remediators} (null: remediation orders are ignored), remediation orders from the server are carried
     * out too; the factory receives the sink for the reports.
     */
    public Agent(AgentIdentity identity, boolean allowServerCommands, Spool spool, Supplier<Platform> platforms,
            Backoff backoff, Function<Consumer<RemediationReportView>, Remediator> remediators) {
        ServerClient client = ServerClient.of(identity);
        Random random = new Random();
        this.spool = spool;
        this.heartbeats = new Heartbeats(client, spool, new HostViews(platforms.get(), Clock.systemUTC()));
        this.outbox = new Outbox(client, spool, backoff, random, control::requestStop, control::revoked);
        this.runner = new AuditRunner(platforms, allowServerCommands, outbox::deliver, control, timer, Clock.systemUTC());
        this.remediation = remediators == null ? null
                : new RemediationRunner(remediators::apply, client, control);
        this.orders = new OrderLoop(client, identity.pollSeconds(), control, this::start, this::remediate, backoff,
                random);
    }

    /** Runs until {@link #shutdown()} or revocation; with {@code once}, one heartbeat, one poll, its runs, a drain. */
    public ExitCode run(boolean once) {
        spool.runIds().forEach(control::accept);
        if (remediation != null) {
            remediation.recover();
        }
        control.poller(Thread.currentThread());
        Thread resender = new Thread(outbox::resendUntilInterrupted, "caart-resend");
        resender.setDaemon(true);
        try {
            boolean reachable = beat();
            if (once) {
                return reachable ? runOnce() : failure();
            }
            resender.start();
            timer.scheduleWithFixedDelay(this::beat, HEARTBEAT_INTERVAL.toSeconds(), HEARTBEAT_INTERVAL.toSeconds(),
                    TimeUnit.SECONDS);
            orders.pollUntilShutdown();
            return control.revocation().isPresent() ? ExitCode.ENROLL_AGAIN : ExitCode.OK;
        } finally {
            control.poller(null);
            finishAudits(SHUTDOWN_GRACE);
            if (remediation != null) {
                remediation.shutdown(SHUTDOWN_GRACE.toSeconds());
            }
            resender.interrupt();
            timer.shutdownNow();
        }
    }

    private ExitCode runOnce() {
        try {
            outbox.drain();
            if (control.revocation().isEmpty() && orders.poll() == OrderLoop.Poll.FAILED) {
                problem = orders.problem();
                return failure();
            }
            finishAudits(ONCE_LIMIT);
            if (remediation != null) {
                remediation.shutdown(ONCE_LIMIT.toSeconds());
                remediation.resendUnsent();
            }
            boolean drained = outbox.drain();
            if (!drained && control.revocation().isEmpty()) {
                problem = spool.size() + " result batches wait in the spool; the next run sends them";
            }
            return control.revocation().isPresent() ? ExitCode.ENROLL_AGAIN
                    : drained ? ExitCode.OK : ExitCode.SERVER_UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return control.revocation().isPresent() ? ExitCode.ENROLL_AGAIN : ExitCode.OK;
        }
    }

    /** Lets the current check finish, sends or spools its results, and makes {@link #run} return. */
    public void shutdown() {
        control.shutdown();
    }

    public Optional<ReEnrollRequiredException> revocation() {
        return control.revocation();
    }

    /** Why the agent could not do its work (server unreachable, batches left in the spool); empty when it could. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private ExitCode failure() {
        return control.revocation().isPresent() ? ExitCode.ENROLL_AGAIN : ExitCode.SERVER_UNREACHABLE;
    }

    private boolean beat() {
        try {
            heartbeats.beat();
            problem = null;
            return true;
        } catch (ReEnrollRequiredException e) {
            control.revoked(e);
        } catch (ServerException e) {
            problem = e.getMessage();
            LOG.log(System.Logger.Level.WARNING, "heartbeat failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void remediate(RemediationOrderView order) {
        if (remediation == null) {
            LOG.log(System.Logger.Level.WARNING, "remediation order " + order.orderId() + " ignored: this agent runs"
                    + " without remediation");
            return;
        }
        remediation.offer(order);
    }

    private void start(AuditOrderView order) {
        audits.execute(() -> runner.run(order));
    }

    private void finishAudits(Duration limit) {
        audits.shutdown();
        try {
            if (!audits.awaitTermination(limit.toSeconds(), TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "an audit did not finish within " + limit + "; leaving it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
