package org.caart.agent.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.caart.agent.ExitCode;
import org.caart.agent.config.AgentIdentity;
import org.caart.agent.platform.common.FakePlatform;
import org.caart.agent.transport.Backoff;
import org.caart.agent.transport.FakeServer;
import org.caart.agent.transport.FakeServer.Reply;
import org.caart.agent.transport.ReEnrollRequiredException;
import org.caart.agent.transport.Spool;
import org.caart.contract.agent.v1.AuditOrderView;
import org.caart.contract.agent.v1.BatchReceipt;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.HeartbeatRequest;
import org.caart.contract.agent.v1.OrdersView;
import org.caart.contract.agent.v1.ResultBatchView;
import org.caart.contract.agent.v1.RunEnd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class AgentTest {

    @TempDir
    Path dir;

    private final FakeServer server = FakeServer.start();
    private Spool spool;
    private Path present;

    @BeforeEach
    void state() throws IOException {
        spool = new Spool(dir.resolve("spool"), 100);
        present = Files.writeString(dir.resolve("present.conf"), "x\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Agent agent(boolean allowServerCommands) {
        return agent(server.uri().toString(), allowServerCommands);
    }

    private Agent agent(String url, boolean allowServerCommands) {
        AgentIdentity identity = new AgentIdentity(url, null, "ag-1", "secret", 1, "Acme", 5);
        return new Agent(identity, allowServerCommands, spool, FakePlatform::linux,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    private void order(AuditOrderView order) {
        server.script("orders", Reply.json(200, new OrdersView(List.of(order), List.of())));
    }

    private List<ResultBatchView> batches() {
        return server.bodies("results", ResultBatchView.class);
    }

    private List<ResultBatchView> ends() {
        return batches().stream().filter(b -> b.end() != null).toList();
    }

    /** Checks of about 0.1 s each; distinct command lines, since a scan runs each command line once. */
    private static String[] slowChecks(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> String.format("c:sleep 0.1%03d", i))
                .toArray(String[]::new);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void onceRunsTheOrderedAuditAndReportsEveryResult() {
        order(Policies.uploaded("r1", Policies.sca("f:" + present, "f:" + dir.resolve("missing"), "f:" + present)));
        assertEquals(ExitCode.OK, agent(false).run(true));
        assertEquals(1, server.requests("heartbeat").size());
        assertEquals("waitSeconds=5", server.requests("orders").get(0).query());
        assertEquals(List.of(CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.PASSED), batches().stream()
                .flatMap(b -> b.results().stream()).map(r -> r.status()).toList());
        assertEquals(List.of(RunEnd.COMPLETED), ends().stream().map(ResultBatchView::end).toList());
        assertEquals(0, batches().get(0).sequence());
        assertEquals("Bearer ag-1.secret", server.requests("results").get(0).authorization());
    }

    @Test
    void onceResendsWhatTheServerCouldNotTakeAtFirst() {
        order(Policies.uploaded("r1", Policies.sca("f:" + present, "f:" + present)));
        server.script("results", Reply.problem(503, "about:blank", "busy"));
        assertEquals(ExitCode.OK, agent(false).run(true));
        assertTrue(spool.isEmpty());
        List<Integer> delivered = batches().stream().skip(1).map(ResultBatchView::sequence).toList();
        assertEquals(List.of(0, 1), delivered);
    }

    @Test
    void onceKeepsTheResultsAndSaysSoWhenTheServerCannotTakeThem() {
        order(Policies.uploaded("r1", Policies.sca("f:" + present)));
        server.always("results", r -> Reply.problem(503, "about:blank", "busy"));
        Agent agent = agent(false);
        assertEquals(ExitCode.SERVER_UNREACHABLE, agent.run(true));
        assertEquals(2, spool.size());
        assertEquals("2 result batches wait in the spool; the next run sends them", agent.problem().orElseThrow());
    }

    @Test
    void onceAgainstAServerThatIsNotThereSaysWhy() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Agent agent = agent("http://127.0.0.1:" + port, false);
        assertEquals(ExitCode.SERVER_UNREACHABLE, agent.run(true));
        assertEquals("cannot reach http://127.0.0.1:" + port + ": connection refused", agent.problem().orElseThrow());
    }

    @Test
    void aRevokedAgentStops() {
        server.always("heartbeat", r -> Reply.problem(401, ReEnrollRequiredException.TYPE, "Agent revoked."));
        Agent agent = agent(false);
        assertEquals(ExitCode.ENROLL_AGAIN, agent.run(true));
        assertEquals("Agent revoked.", agent.revocation().orElseThrow().getMessage());
        assertEquals(List.of(), server.requests("orders"));
    }

    @Test
    void aRevocationWhilePollingEndsTheServiceToo() {
        server.always("orders", r -> Reply.problem(401, ReEnrollRequiredException.TYPE, "Agent revoked."));
        assertEquals(ExitCode.ENROLL_AGAIN, agent(false).run(false));
    }

    @Test
    void aReceiptAskingToStopEndsTheRunStopped() {
        order(Policies.uploaded("r1", Policies.sca(Policies.repeat("f:" + present, 20))));
        server.then("results", r -> Reply.json(202, new BatchReceipt(r.body(ResultBatchView.class).batchId(), true)));
        assertEquals(ExitCode.OK, agent(false).run(true));
        assertEquals(RunEnd.STOPPED, ends().get(0).end());
        assertEquals(1, batches().stream().mapToInt(b -> b.results().size()).sum());
    }

    @Test
    void aRunWhoseBatchesWaitInTheSpoolIsNotRunAgain() {
        spool.add(new ResultBatchView("b0", "r1", 0, 1, List.of(), null, null));
        order(Policies.uploaded("r1", Policies.sca("f:" + present)));
        assertEquals(ExitCode.OK, agent(false).run(true));
        assertEquals(List.of("b0"), batches().stream().map(ResultBatchView::batchId).toList());
    }

    @Test
    void theServiceTakesARepeatedOrderOnceAndStopsCleanly() throws Exception {
        AuditOrderView order = Policies.uploaded("r1", Policies.sca("f:" + present, "f:" + present));
        server.always("orders", r -> Reply.json(200, new OrdersView(List.of(order), List.of())));
        Agent agent = agent(false);
        CompletableFuture<ExitCode> running = CompletableFuture.supplyAsync(() -> agent.run(false));
        await(() -> !ends().isEmpty(), "the end of the run");
        await(() -> server.requests("orders").size() >= 3, "more polls");
        agent.shutdown();
        assertEquals(ExitCode.OK, running.get(20, TimeUnit.SECONDS));
        assertEquals(1, batches().stream().filter(b -> b.sequence() == 0).count());
        HeartbeatRequest heartbeat = server.bodies("heartbeat", HeartbeatRequest.class).get(0);
        assertEquals("fake-host", heartbeat.host().hostname());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aStopOrderEndsARunningAudit() throws Exception {
        AuditOrderView order = Policies.uploaded("r1", Policies.sca(slowChecks(100)));
        server.always("orders", r -> Reply.json(200, server.requests("results").isEmpty()
                ? new OrdersView(List.of(order), List.of()) : new OrdersView(List.of(), List.of("r1"))));
        Agent agent = agent(true);
        CompletableFuture<ExitCode> running = CompletableFuture.supplyAsync(() -> agent.run(false));
        await(() -> !ends().isEmpty(), "the end of the run");
        agent.shutdown();
        assertEquals(ExitCode.OK, running.get(20, TimeUnit.SECONDS));
        assertEquals(RunEnd.STOPPED, ends().get(0).end());
        assertTrue(batches().stream().mapToInt(b -> b.results().size()).sum() < 100);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void shuttingDownFinishesTheCurrentCheckAndSendsWhatItHas() throws Exception {
        AuditOrderView order = Policies.uploaded("r1", Policies.sca(slowChecks(100)));
        order(order);
        Agent agent = agent(true);
        CompletableFuture<ExitCode> running = CompletableFuture.supplyAsync(() -> agent.run(false));
        await(() -> !batches().isEmpty(), "the first batch");
        agent.shutdown();
        assertEquals(ExitCode.OK, running.get(20, TimeUnit.SECONDS));
        ResultBatchView last = ends().get(0);
        assertEquals(RunEnd.FAILED, last.end());
        assertEquals(AuditRunner.SHUTTING_DOWN, last.error());
        int results = batches().stream().mapToInt(b -> b.results().size()).sum();
        assertTrue(results >= 1 && results < 100, results + " results");
        assertFalse(batches().stream().flatMap(b -> b.results().stream()).anyMatch(r -> r.status() == CheckStatus.ERROR));
    }
}
