package org.caart.agent.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.caart.agent.ExitCode;
import org.caart.agent.config.AgentIdentity;
import org.caart.agent.platform.FakeSystemServices;
import org.caart.agent.platform.ServiceControls;
import org.caart.agent.transport.FakeServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The service verb at the platform port: what install registers, what remove and run do, and the refusals. */
class ServiceTest {

    private static final Path JAVA = Path.of("C:\\Program Files\\CAaRT\\agent\\runtime\\bin\\java.exe");
    private static final Path JAR = Path.of("C:\\Program Files\\CAaRT\\agent\\lib\\caart-agent.jar");

    @TempDir
    Path dir;

    private final FakeSystemServices services = new FakeSystemServices();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final FakeServer server = FakeServer.start();

    @BeforeEach
    void isolate() {
        System.setProperty("caart.config.dir", dir.resolve("config").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("caart.config.dir");
        server.close();
    }

    private Service service() {
        return new Service(() -> services, Map.of("ProgramData", "C:\\ProgramData"), () -> JAVA, () -> JAR, Run::new);
    }

    private ExitCode run(String... args) throws UsageException {
        return service().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void installRegistersThisRuntimeAndJarToRunTheServiceWithQuotedPaths() throws Exception {
        assertEquals(ExitCode.OK, run("install"));
        var definition = services.services.get("caart-agent");
        assertEquals("CAaRT agent", definition.displayName());
        assertEquals("\"C:\\Program Files\\CAaRT\\agent\\runtime\\bin\\java.exe\" -Xmx64m -Xss512k -XX:+UseSerialGC"
                + " -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto -Dcaart.config.dir="
                + Path.of("C:\\ProgramData", "CAaRT", "config")
                + " -jar \"C:\\Program Files\\CAaRT\\agent\\lib\\caart-agent.jar\" service run --state-dir "
                + Path.of("C:\\ProgramData", "CAaRT", "agent"), definition.commandLine());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("sc start caart-agent"));
    }

    @Test
    void installTwiceAndRemovingNothingAreRefusedWithASentence() throws Exception {
        assertEquals(ExitCode.OK, run("install"));
        assertEquals(ExitCode.USAGE, run("install"));
        assertTrue(err().contains("caart-agent service install: the service caart-agent is installed already"), err());
        assertEquals(ExitCode.OK, run("remove"));
        assertEquals(ExitCode.USAGE, run("remove"));
        assertTrue(err().contains("the service caart-agent is not installed"), err());
    }

    @Test
    void aRefusalOfTheServiceManagerIsASentenceAndExitTwo() throws Exception {
        services.refusal = "the service manager refused access: run caart-agent from an elevated (administrator)"
                + " prompt";
        assertEquals(ExitCode.USAGE, run("install"));
        assertTrue(err().contains("elevated (administrator) prompt"), err());
        assertTrue(services.services.isEmpty());
    }

    @Test
    void unknownActionsAreUsageErrors() {
        org.junit.jupiter.api.Assertions.assertThrows(UsageException.class, () -> run("start"));
        org.junit.jupiter.api.Assertions.assertThrows(UsageException.class, () -> run());
    }

    @Test
    void aStopFromTheServiceManagerEndsTheAgentCleanly() throws Exception {
        Path state = dir.resolve("state");
        new AgentIdentity(server.uri().toString(), null, "ag-1", "secret", 1, "Acme", 5)
                .write(state.resolve("agent.json"));
        services.controls.addAll(List.of(ServiceControls.INTERROGATE, 0x80, ServiceControls.STOP));
        long start = System.nanoTime();
        assertEquals(ExitCode.OK, run("run", "--state-dir", state.toString()), err());
        assertTrue(System.nanoTime() - start < 20_000_000_000L);
        assertEquals(0, services.exitReported);
        assertEquals(List.of("ANSWER=0", "REFUSE=120", "STOP=0"), services.replies);
        assertTrue(server.requests("heartbeat").size() >= 1, "the agent worked before it was stopped");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void elsewhereTheRealPortSaysServicesAreWindowsOnly() throws Exception {
        ExitCode code = new Service().run(List.of("install"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.USAGE, code);
        assertTrue(err().contains("Windows services exist only on Windows; on Linux install the caart-agent package"),
                err());
    }

    @Test
    void quotingFollowsCommandLineToArgvW() {
        assertEquals("plain", WindowsCommandLine.quote("plain"));
        assertEquals("\"\"", WindowsCommandLine.quote(""));
        assertEquals("\"a b\"", WindowsCommandLine.quote("a b"));
        assertEquals("\"C:\\dir with space\\\\\"", WindowsCommandLine.quote("C:\\dir with space\\"));
        assertEquals("\"say \\\"hi\\\"\"", WindowsCommandLine.quote("say \"hi\""));
        assertEquals("\"a\\\\\\\"b\"", WindowsCommandLine.quote("a\\\"b"));
        assertEquals("C:\\no\\quotes\\needed", WindowsCommandLine.quote("C:\\no\\quotes\\needed"));
    }

    @Test
    void controlsMapToStopAnswerOrRefuse() {
        assertEquals(ServiceControls.Action.STOP, ServiceControls.actionFor(ServiceControls.STOP));
        assertEquals(ServiceControls.Action.STOP, ServiceControls.actionFor(ServiceControls.SHUTDOWN));
        assertEquals(ServiceControls.Action.STOP, ServiceControls.actionFor(ServiceControls.PRESHUTDOWN));
        assertEquals(ServiceControls.Action.ANSWER, ServiceControls.actionFor(ServiceControls.INTERROGATE));
        assertEquals(ServiceControls.Action.REFUSE, ServiceControls.actionFor(0x2));
        assertEquals(120, ServiceControls.reply(ServiceControls.Action.REFUSE));
    }

}
