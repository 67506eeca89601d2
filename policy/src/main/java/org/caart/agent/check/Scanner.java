package org.caart.agent.check;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.caart.agent.platform.common.Platform;
import org.caart.contract.agent.v1.CheckResultView;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.ScanReportView;
import org.caart.contract.agent.v1.ScanSummary;

/**
 * Evaluates a policy's checks on a host with a small bounded pool and returns the results in the
 * policy's order. A check that throws becomes an ERROR result; the scan carries on.
 */
public final class Scanner {

    /** How the reason of every check begins when the policy's requirements are not met on the host. */
    public static final String REQUIREMENTS_NOT_MET = "requirements not met: ";

    private final Clock clock;
    private final int threads;

    public Scanner(Clock clock, int threads) {
        this.clock = clock;
        this.threads = Math.max(1, threads);
    }

    public static Scanner standard() {
        return new Scanner(Clock.systemDefaultZone(), Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public ScanReportView scan(Policy policy, Host host) {
        OffsetDateTime started = OffsetDateTime.now(clock);
        String unmet = unmetRequirements(policy, host);
        List<CheckResultView> results = unmet == null ? evaluateAll(policy.checks(), host) : notApplicable(policy, unmet);
        Platform platform = host.platform();
        return new ScanReportView(policy.id(), policy.name(), platform.hostname(),
                platform.osName() + " " + platform.osVersion(), started, OffsetDateTime.now(clock),
                ScanSummary.of(results), results);
    }

    /**
     * Evaluates the checks one after another, in the policy's order, and hands each result to {@code sink} as soon as
     * it is known. Before each check it asks {@code stop}; returns how many checks were evaluated (all of them unless
     * stopped). One at a time on purpose: an agent run in the background should stay light, and stops after the
     * current check.
     */
    public int stream(Policy policy, Host host, BooleanSupplier stop, Consumer<CheckResultView> sink) {
        String unmet = unmetRequirements(policy, host);
        int done = 0;
        for (Check check : policy.checks()) {
            if (stop.getAsBoolean()) {
                return done;
            }
            sink.accept(unmet == null ? evaluate(check, host) : view(check.info(), Outcome.notApplicable(unmet), 0));
            done++;
        }
        return done;
    }

    /** Null when the policy applies to this host, else the reason it does not. */
    private static String unmetRequirements(Policy policy, Host host) {
        try {
            return policy.requirements().test(host) ? null : REQUIREMENTS_NOT_MET + policy.requirementsText();
        } catch (RuntimeException e) {
            return "requirements could not be evaluated (" + policy.requirementsText() + "): " + e;
        }
    }

    /** The reason, when the policy did not apply to the host (its requirements not met); empty otherwise. */
    public static java.util.Optional<String> unmetRequirements(ScanReportView report) {
        List<CheckResultView> results = report.results();
        boolean unmet = !results.isEmpty() && results.stream().allMatch(r -> r.status() == CheckStatus.NOT_APPLICABLE
                && r.reason() != null && r.reason().startsWith(REQUIREMENTS_NOT_MET));
        return unmet ? java.util.Optional.of(results.get(0).reason()) : java.util.Optional.empty();
    }

    private static List<CheckResultView> notApplicable(Policy policy, String reason) {
        Outcome outcome = Outcome.notApplicable(reason);
        return policy.checks().stream().map(check -> view(check.info(), outcome, 0)).toList();
    }

    private List<CheckResultView> evaluateAll(List<Check> checks, Host host) {
        if (threads == 1 || checks.size() < 2) {
            return checks.stream().map(check -> evaluate(check, host)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, checks.size()), r -> {
            Thread thread = new Thread(r, "caart-scan");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<CheckResultView>> futures = new ArrayList<>(java.util.Collections.nCopies(checks.size(), null));
            List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, checks.size()).boxed().toList());
            order.sort(java.util.Comparator.comparingInt(i -> -checks.get(i).cost()));
            for (int i : order) {
                Check check = checks.get(i);
                futures.set(i, pool.submit(() -> evaluate(check, host)));
            }
            List<CheckResultView> results = new ArrayList<>(checks.size());
            for (int i = 0; i < checks.size(); i++) {
                results.add(result(futures.get(i), checks.get(i)));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static CheckResultView result(Future<CheckResultView> future, Check check) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return view(check.info(), Outcome.error("scan interrupted"), 0);
        } catch (ExecutionException e) {
            return view(check.info(), Outcome.error("internal error: " + e.getCause()), 0);
        }
    }

    static CheckResultView evaluate(Check check, Host host) {
        long start = System.nanoTime();
        Outcome outcome;
        try {
            outcome = check.evaluate(host);
        } catch (RuntimeException e) {
            outcome = Outcome.error("internal error: " + e);
        }
        return view(check.info(), outcome, (System.nanoTime() - start) / 1000);
    }

    static CheckResultView view(CheckInfo info, Outcome outcome, long micros) {
        return new CheckResultView(info.id(), info.title(), outcome.status(), info.severity(), info.references(),
                outcome.reason(), outcome.expected(), outcome.observed(), info.description(), info.rationale(),
                info.remediation(), micros);
    }
}
