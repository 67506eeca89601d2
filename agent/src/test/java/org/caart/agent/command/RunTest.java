package org.caart.agent.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.caart.agent.ExitCode;
import org.caart.agent.Main;
import org.caart.agent.config.AgentIdentity;
import org.caart.agent.run.StateLock;
import org.caart.agent.transport.FakeServer;
import org.caart.agent.transport.FakeServer.Reply;
import org.caart.agent.transport.ReEnrollRequiredException;
import org.caart.contract.agent.v1.AuditOrderView;
import org.caart.contract.agent.v1.OrdersView;
import org.caart.contract.agent.v1.ResultBatchView;
import org.caart.contract.agent.v1.RunEnd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class RunTest {

    @TempDir
    Path dir;

    private final FakeServer server = FakeServer.start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void isolate() {
        System.setProperty("caart.config.dir", dir.resolve("config").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("caart.config.dir");
        server.close();
    }

    private Path state() {
        return dir.resolve("state");
    }

    private void enrolled() throws IOException {
        new AgentIdentity(server.uri().toString(), null, "ag-1", "secret", 1, "Acme", 5).write(state().resolve("agent.json"));
    }

    private int run(String... args) {
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAgentThatIsNotEnrolledIsToldToEnroll() {
        assertEquals(6, run("run", "--once", "--state-dir", state().toString()));
        assertTrue(err().contains("this agent is not enrolled"), err());
        assertTrue(err().contains("caart-agent enroll --server URL --token TOKEN"), err());
    }

    @Test
    void runOnceDoesWhatTheServerOrdered() throws IOException {
        enrolled();
        Path file = Files.writeString(dir.resolve("file.conf"), "x");
        String policy = "policy:\n  id: p\n  name: P\nchecks:\n  - id: 1\n    title: t\n    condition: all\n    rules:\n"
                + "      - 'f:" + file + "'\n";
        server.script("orders", Reply.json(200, new OrdersView(List.of(new AuditOrderView("r1", 1, "Audit", "p", "P",
                "SCA", policy)), List.of())));
        assertEquals(0, run("run", "--once", "--state-dir", state().toString()), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Agent ag-1 of Acme working for " + server.uri()));
        List<ResultBatchView> batches = server.bodies("results", ResultBatchView.class);
        assertEquals(RunEnd.COMPLETED, batches.get(batches.size() - 1).end());
    }

    @Test
    void aRevokedAgentIsToldToEnrollAgain() throws IOException {
        enrolled();
        server.always("heartbeat", r -> Reply.problem(401, ReEnrollRequiredException.TYPE, "Unknown agent."));
        assertEquals(6, run("run", "--once", "--state-dir", state().toString()));
        assertEquals("This agent was revoked or is unknown to the server; enroll it again with `caart-agent enroll`"
                + " (server: Unknown agent.)\n", err());
    }

    @Test
    void aServerThatCannotBeReachedIsExitCodeFour() throws IOException {
        enrolled();
        server.always("heartbeat", r -> Reply.problem(503, "about:blank", "Maintenance."));
        assertEquals(4, run("run", "--once", "--state-dir", state().toString()));
        assertTrue(err().contains("Maintenance."), err());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theIdentityStaysReadableByItsOwnerOnly() throws IOException {
        enrolled();
        assertEquals(0, run("run", "--once", "--state-dir", state().toString()), err());
        Path file = state().resolve("agent.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(System.getProperty("user.name"), Files.getOwner(file).getName());
    }

    @Test
    void anIdentityThisUserMayNotReadIsExplained() {
        String file = state().resolve("agent.json").toString();
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(ExitCode.USAGE, Run.unusableState(new AccessDeniedException(file), stream));
        assertEquals("caart-agent run: cannot read or write " + file + ": permission denied; run the agent as the user"
                + " that enrolled it" + System.lineSeparator(), err());
    }

    @Test
    void aSecondRunOnTheSameStateIsRefused() throws IOException {
        enrolled();
        try (StateLock lock = StateLock.acquire(state()).orElseThrow()) {
            assertEquals(2, run("run", "--once", "--state-dir", state().toString()));
            assertTrue(err().contains("another caart-agent run is using " + state()), err());
        }
        assertTrue(StateLock.acquire(state()).isPresent());
    }

    @Test
    void theBackoffCapComesFromTheOptionElseTheEnvironmentElseFiveMinutes() throws UsageException {
        Run run = new Run(Map.of(Run.MAX_BACKOFF_VARIABLE, "3"));
        assertEquals(Duration.ofSeconds(3), run.backoff(null).cap());
        assertEquals(Duration.ofSeconds(3600), run.backoff("3600").cap());
        assertEquals(Duration.ofSeconds(1), run.backoff(" 1 ").cap());
        assertEquals(Duration.ofMinutes(5), new Run(Map.of()).backoff(null).cap());
        assertEquals(Duration.ofMinutes(5), new Run(Map.of(Run.MAX_BACKOFF_VARIABLE, "")).backoff(null).cap());
    }

    @Test
    void aBackoffCapOutsideOneToAnHourIsRefusedWithItsSource() {
        for (String value : new String[] {"0", "-5", "3601", "2.5", "5m", "99999999999"}) {
            UsageException e = assertThrows(UsageException.class,
                    () -> new Run(Map.of(Run.MAX_BACKOFF_VARIABLE, value)).backoff(null));
            assertEquals("CAART_AGENT_MAX_BACKOFF_SECONDS must be a whole number of seconds from 1 to 3600, not '"
                    + value + "'", e.getMessage());
        }
        UsageException e = assertThrows(UsageException.class,
                () -> new Run(Map.of(Run.MAX_BACKOFF_VARIABLE, "3")).backoff(""));
        assertEquals("--max-backoff must be a whole number of seconds from 1 to 3600, not ''", e.getMessage());
    }

    @Test
    void aBadMaxBackoffOptionIsAUsageErrorBeforeAnythingElse() {
        assertEquals(2, run("run", "--once", "--max-backoff", "0", "--state-dir", state().toString()));
        assertTrue(err().startsWith("caart-agent run: --max-backoff must be a whole number of seconds from 1 to 3600,"
                + " not '0'"), err());
        assertTrue(server.bodies("heartbeat", Object.class).isEmpty());
    }

    @Test
    void aValidMaxBackoffOptionRuns() throws IOException {
        enrolled();
        assertEquals(0, run("run", "--once", "--max-backoff", "3", "--state-dir", state().toString()), err());
    }
}
