package org.caart.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy in front of a test server that holds every result batch for a while, so that an agent is still
 * streaming when the test kills the server. When the server is down it answers 502, as a real proxy would.
 */
final class SlowProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "expect", "keep-alive");

    private final HttpServer http;
    private final CaartServer target;
    private final Duration batchDelay;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    final AtomicInteger batchesForwarded = new AtomicInteger();
    /** Once set, batches held are answered 502 instead of being forwarded (the server never sees them). */
    volatile boolean dropBatches;

    SlowProxy(CaartServer target, Duration batchDelay) {
        this.target = target;
        this.batchDelay = batchDelay;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        http.createContext("/", this::forward);
        http.setExecutor(Executors.newCachedThreadPool());
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().toString();
            boolean batch = path.startsWith("/api/agent/v1/results");
            if (batch) {
                sleep(batchDelay);
                if (dropBatches) {
                    badGateway(exchange);
                    return;
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url(path)))
                    .timeout(Duration.ofSeconds(70))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                badGateway(exchange);
                return;
            }
            if (batch && response.statusCode() == 202) {
                batchesForwarded.incrementAndGet();
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] bytes = response.body();
            exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void badGateway(HttpExchange exchange) throws IOException {
        byte[] problem = "{\"title\":\"Bad Gateway\",\"status\":502}".getBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(502, problem.length);
        exchange.getResponseBody().write(problem);
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
