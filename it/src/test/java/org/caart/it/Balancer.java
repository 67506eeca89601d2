package org.caart.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Debian's HAProxy in front of server instances, as a child process on a loopback port with a configuration of its
 * own: round robin, a server taken out after two failed {@code /health/ready} checks a second apart (a check passes
 * on 200 with CAaRT's database check in the answer: Payara answers 200 before the application is deployed, and a
 * request sent then is answered 404), a sticky cookie
 * {@code CAART_NODE} naming the instance that holds a browser's session, and {@code option redispatch} so that a
 * browser whose instance is gone goes to another one. Requests are retried on another instance only when the
 * connection could not be made (never once a request was sent).
 */
final class Balancer implements AutoCloseable {

    static final String HAPROXY = "/usr/sbin/haproxy";
    static final String NODE_COOKIE = "CAART_NODE";

    private final Process process;
    private final int port;

    private Balancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The configuration for servers on 127.0.0.1 at the ports, named n1, n2, ...; the same shape as docker/. */
    static String configuration(int port, List<Integer> serverPorts) {
        return """
                global
                    maxconn 2000
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 90s
                    timeout server 90s
                    retries 3
                    option redispatch
                    option forwardfor
                frontend caart
                    bind 127.0.0.1:%d
                    # an h2c upgrade would make the connection a tunnel to one instance: no sticky cookie, no failover
                    http-request del-header Upgrade if { req.hdr(Upgrade) -i h2c }
                    default_backend servers
                backend servers
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    http-check expect string database
                    cookie %s insert indirect nocache httponly
                    default-server inter 1s fall 2 rise 2
                %s
                """.formatted(port, NODE_COOKIE, IntStream.range(0, serverPorts.size())
                .mapToObj(i -> "    server n" + (i + 1) + " 127.0.0.1:" + serverPorts.get(i) + " check cookie n"
                        + (i + 1)).collect(Collectors.joining("\n")));
    }

    static Balancer start(Path folder, List<Integer> serverPorts) {
        if (!Files.isExecutable(Path.of(HAPROXY))) {
            throw new IllegalStateException("The cluster test needs Debian's HAProxy: apt-get install haproxy");
        }
        int port = CaartServer.freePort();
        try {
            Files.createDirectories(folder);
            Path config = Files.writeString(folder.resolve("haproxy.cfg"), configuration(port, serverPorts));
            Process process = new ProcessBuilder(HAPROXY, "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("haproxy.log").toFile()).start();
            Balancer balancer = new Balancer(process, port);
            balancer.awaitAnswer();
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitAnswer() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Wait.until(Duration.ofSeconds(30), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy ended with exit code " + process.exitValue());
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create(front().url("/health/ready"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200 ? true : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** The balancer's address, for the HTTP clients. */
    CaartServer front() {
        return CaartServer.reachedAt(port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
