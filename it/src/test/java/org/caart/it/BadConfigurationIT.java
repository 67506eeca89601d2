package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A start that cannot work ends with a non-zero exit and one sentence, never a wall of stack trace. */
class BadConfigurationIT {

    @Test
    void unreachableDatabaseNamesTheUrlAndTheCause() {
        int closedPort = CaartServer.freePort();
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/caart";
        CaartServer server = CaartServer.configure("bad-db", Map.of("CAART_DB_URL", url));
        try {
            assertEquals(1, server.runToExit(Duration.ofSeconds(180)));
        } finally {
            server.close();
        }
        String said = String.join("\n", server.output());
        assertTrue(said.contains("CAaRT did not start: CAaRT cannot use its database at " + url), said);
        assertTrue(said.toLowerCase().contains("refused"), said);
        assertTrue(server.output().stream().noneMatch(line -> line.startsWith("\tat ")), "no stack trace: " + said);
    }

    @Test
    void portInUseIsSaidPlainly() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            CaartServer server = CaartServer.configure("port-taken",
                    Map.of("CAART_HTTP_PORT", String.valueOf(taken.getLocalPort())));
            assertEquals(1, server.runToExit(Duration.ofSeconds(30)));
            assertTrue(server.output().contains("CAaRT did not start: port " + taken.getLocalPort()
                    + " is already in use; set CAART_HTTP_PORT to a free port"), server.output().toString());
        }
    }

    @Test
    void nonsensePortIsSaidPlainly() {
        CaartServer server = CaartServer.configure("port-nonsense", Map.of("CAART_HTTP_PORT", "eighty"));
        assertEquals(1, server.runToExit(Duration.ofSeconds(30)));
        assertTrue(server.output().contains(
                "CAaRT did not start: CAART_HTTP_PORT must be a port number from 1 to 65535, not \"eighty\""),
                server.output().toString());
    }
}
