package org.caart.agent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.caart.agent.config.AgentIdentity;
import org.caart.agent.transport.FakeServer.Reply;
import org.caart.contract.agent.v1.BatchReceipt;
import org.caart.contract.agent.v1.ResultBatchView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path state;

    private final FakeServer server = FakeServer.start();
    private final List<String> stops = new CopyOnWriteArrayList<>();
    private final List<ReEnrollRequiredException> revocations = new CopyOnWriteArrayList<>();
    private Spool spool;
    private Outbox outbox;

    @BeforeEach
    void wire() throws IOException {
        spool = new Spool(state.resolve("spool"), 100);
        ServerClient client = ServerClient.of(new AgentIdentity(server.uri().toString(), null, "a", "s", 1, "A", 25));
        outbox = new Outbox(client, spool, new Backoff(Duration.ofMillis(5), Duration.ofMillis(20)), new Random(1),
                stops::add, revocations::add);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<Integer> received() {
        return server.bodies("results", ResultBatchView.class).stream().map(ResultBatchView::sequence).toList();
    }

    @Test
    void aBatchGoesStraightToTheServer() {
        outbox.deliver(SpoolTest.batch("r", 0));
        assertEquals(List.of(0), received());
        assertTrue(spool.isEmpty());
    }

    @Test
    void whatTheServerCannotTakeIsSpooledAndSentLater() throws InterruptedException {
        server.script("results", Reply.problem(503, "about:blank", "busy"));
        outbox.deliver(SpoolTest.batch("r", 0));
        assertEquals(1, spool.size());
        assertTrue(outbox.drain());
        assertTrue(spool.isEmpty());
        assertEquals(List.of(0, 0), received());
    }

    @Test
    void whileBatchesWaitNewOnesQueueBehindThemSoTheOrderHolds() throws InterruptedException {
        server.script("results", Reply.problem(502, "about:blank", "bad gateway"));
        outbox.deliver(SpoolTest.batch("r", 0));
        outbox.deliver(SpoolTest.batch("r", 1));
        outbox.deliver(SpoolTest.batch("r", 2));
        assertEquals(List.of(0), received());
        assertTrue(outbox.drain());
        assertEquals(List.of(0, 0, 1, 2), received());
    }

    @Test
    void drainStopsAtTheFirstBatchTheServerCannotTake() throws InterruptedException {
        server.always("results", r -> Reply.problem(503, "about:blank", "down"));
        outbox.deliver(SpoolTest.batch("r", 0));
        outbox.deliver(SpoolTest.batch("r", 1));
        assertFalse(outbox.drain());
        assertEquals(2, spool.size());
    }

    @Test
    void aRefusedBatchIsLetGoAndTheNextOneSent() throws InterruptedException {
        server.script("results", Reply.problem(503, "about:blank", "down"), Reply.problem(413, "about:blank", "too big"));
        outbox.deliver(SpoolTest.batch("r", 0));
        outbox.deliver(SpoolTest.batch("r", 1));
        assertTrue(outbox.drain());
        assertTrue(spool.isEmpty());
        assertEquals(0, spool.dropped());
        assertEquals(List.of(0, 0, 1), received());
    }

    @Test
    void aReceiptAskingToStopIsPassedOn() {
        server.script("results", Reply.json(202, new BatchReceipt("x", true)));
        outbox.deliver(SpoolTest.batch("run-9", 0));
        assertEquals(List.of("run-9"), stops);
    }

    @Test
    void aRevokedAgentIsReportedAndItsBatchKept() {
        server.script("results", Reply.problem(401, ReEnrollRequiredException.TYPE, "revoked"));
        outbox.deliver(SpoolTest.batch("r", 0));
        assertEquals(1, revocations.size());
        assertEquals(1, spool.size());
    }

    @Test
    void theResenderDrainsTheSpoolInTheBackground() throws InterruptedException {
        server.script("results", Reply.problem(503, "about:blank", "down"), Reply.problem(503, "about:blank", "down"));
        outbox.deliver(SpoolTest.batch("r", 0));
        Thread resender = new Thread(outbox::resendUntilInterrupted);
        resender.start();
        try {
            for (int i = 0; i < 200 && !spool.isEmpty(); i++) {
                Thread.sleep(10);
            }
            assertTrue(spool.isEmpty());
            assertEquals(List.of(0, 0, 0), received());
        } finally {
            resender.interrupt();
            resender.join(2000);
        }
        assertFalse(resender.isAlive());
    }
}
