package org.caart.agent.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.caart.agent.Main;
import org.caart.agent.config.AgentIdentity;
import org.caart.agent.transport.FakeServer;
import org.caart.agent.transport.FakeServer.Reply;
import org.caart.contract.agent.v1.EnrollRequest;
import org.caart.contract.agent.v1.EnrollResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class EnrollTest {

    private static final String TOKEN = "tok-9f8e7d";

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

    private int enroll(String... extra) {
        String[] args = new String[extra.length + 7];
        String[] base = {"enroll", "--server", server.uri().toString(), "--token", TOKEN, "--state-dir", state().toString()};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return run(args);
    }

    private int run(String... args) {
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
    }

    private Path state() {
        return dir.resolve("state");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** What enroll said about the outcome, after the warning about plain HTTP that the fake server causes. */
    private String verdict() {
        String[] lines = err().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void enrollingKeepsTheIdentityAndSaysWhatToDoNext() throws IOException {
        server.script("enroll", Reply.json(201, new EnrollResponse("ag-42", "top-secret", 7, "Acme Corp", 20)));
        assertEquals(0, enroll(), err());
        assertEquals("Enrolled as ag-42 in Acme Corp; start `caart-agent run --state-dir " + state() + "`\n", out());
        AgentIdentity identity = AgentIdentity.read(state().resolve("agent.json")).orElseThrow();
        assertEquals(new AgentIdentity(server.uri().toString(), null, "ag-42", "top-secret", 7, "Acme Corp", 20), identity);
        EnrollRequest sent = server.bodies("enroll", EnrollRequest.class).get(0);
        assertEquals(TOKEN, sent.token());
        assertTrue(sent.host().hostname() != null && sent.host().agentVersion() != null);
    }

    @Test
    void allowRemediationIsWrittenIntoTheHostsConfigurationKeepingItsOtherLines() throws IOException {
        Path config = dir.resolve("config/agent.properties");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "# host settings\nallow-server-commands=false\nallow-remediation=false\n");
        server.script("enroll", Reply.json(201, new EnrollResponse("ag-43", "s", 7, "Acme Corp", 20)));

        assertEquals(0, enroll("--allow-remediation"), err());

        assertEquals("# host settings\nallow-server-commands=false\nallow-remediation=true\n",
                Files.readString(config));
        assertTrue(org.caart.agent.remediation.RemediationSettings.load(config).allowRemediation());
    }

    @Test
    void withoutTheFlagRemediationStaysOff() throws IOException {
        server.script("enroll", Reply.json(201, new EnrollResponse("ag-44", "s", 7, "Acme Corp", 20)));

        assertEquals(0, enroll(), err());

        assertFalse(org.caart.agent.remediation.RemediationSettings.load(dir.resolve("config/agent.properties"))
                .allowRemediation());
    }

    @Test
    void neitherTheSecretNorTheTokenIsPrinted() {
        server.script("enroll", Reply.json(201, new EnrollResponse("ag-42", "top-secret", 7, "Acme Corp", 20)));
        enroll();
        server.script("enroll", Reply.problem(409, "about:blank", "This token was already used."));
        enroll();
        for (String printed : new String[] {out(), err()}) {
            assertFalse(printed.contains("top-secret") || printed.contains(TOKEN), printed);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theIdentityFileIsReadableByThisUserOnly() throws IOException {
        server.script("enroll", Reply.json(201, new EnrollResponse("ag-42", "top-secret", 7, "Acme Corp", 20)));
        assertEquals(0, enroll());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state().resolve("agent.json"))));
    }

    @Test
    void anUnknownTokenIsNotValid() {
        server.script("enroll", Reply.problem(401, "about:blank", "Unknown enrollment token."));
        assertEquals(5, enroll());
        assertEquals("caart-agent enroll: the enrollment token is not valid (server: Unknown enrollment token.)", verdict());
        assertFalse(Files.exists(state().resolve("agent.json")));
    }

    @Test
    void anExpiredTokenSaysToCreateANewOne() {
        server.script("enroll", Reply.problem(410, "about:blank", null));
        assertEquals(5, enroll());
        assertEquals("caart-agent enroll: the enrollment token has expired: create a new one in the portal", verdict());
    }

    @Test
    void aUsedTokenSaysSo() {
        server.script("enroll", Reply.problem(409, "about:blank", "This token was already used."));
        assertEquals(5, enroll());
        assertEquals("caart-agent enroll: the enrollment token was already used: create a new one in the portal"
                + " (server: This token was already used.)", verdict());
    }

    @Test
    void anUnreachableServerIsNamedWithTheCause() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertEquals(4, run("enroll", "--server", "https://127.0.0.1:" + port, "--token", TOKEN, "--state-dir",
                state().toString()));
        assertEquals("caart-agent enroll: cannot reach https://127.0.0.1:" + port + ": connection refused\n", err());
    }

    @Test
    void plainHttpIsAllowedWithAWarning() {
        server.script("enroll", Reply.json(201, new EnrollResponse("ag-42", "top-secret", 7, "Acme Corp", 20)));
        assertEquals(0, enroll());
        assertTrue(err().contains("warning: " + server.uri() + " is plain HTTP"), err());
    }

    @Test
    void serverAndTokenAreRequired() {
        assertEquals(2, run("enroll", "--token", TOKEN));
        assertTrue(err().contains("--server is required"), err());
        assertEquals(2, run("enroll", "--server", "https://caart.example.com"));
        assertTrue(err().contains("--token is required"), err());
        assertEquals(2, run("enroll", "--server", "caart.example.com", "--token", TOKEN));
    }

    @Test
    void aMalformedPinIsAUsageError() {
        assertEquals(2, run("enroll", "--server", "https://caart.example.com", "--token", TOKEN, "--pin-sha256", "abc"));
        assertTrue(err().contains("64 hex digits"), err());
        assertEquals(2, run("enroll", "--server", "http://caart.example.com", "--token", TOKEN, "--pin-sha256",
                "ab".repeat(32)));
        assertTrue(err().contains("--pin-sha256 needs an https:// server"), err());
    }
}
