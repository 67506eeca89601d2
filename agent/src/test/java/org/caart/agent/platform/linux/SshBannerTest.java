package org.caart.agent.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The check that sshd still answers after a reload, against real sockets. */
class SshBannerTest {

    /** Serves one connection with {@code greeting}. */
    private static InetSocketAddress serving(ServerSocket server, String greeting) {
        Thread thread = new Thread(() -> {
            try (Socket client = server.accept()) {
                client.getOutputStream().write(greeting.getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    @Test
    void anSshServerAnswersWithItsIdentification() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(SshBanner.answers(serving(server, "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"), Duration.ofSeconds(2)));
        }
    }

    @Test
    void anotherServiceOrAClosedPortIsNoSshServer() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertFalse(SshBanner.answers(serving(server, "HTTP/1.1 400 Bad Request\r\n"), Duration.ofSeconds(2)));
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertFalse(SshBanner.answers(new InetSocketAddress(InetAddress.getLoopbackAddress(), closed),
                Duration.ofSeconds(1)));
    }

    @Test
    void portsComeFromSshdEffectiveConfiguration() {
        assertEquals(List.of(22, 2222), SshBanner.ports("port 22\naddressfamily any\nport 2222\nport 22\n"));
    }
}
