package org.caart.agent.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.caart.contract.agent.v1.BatchReceipt;
import org.caart.contract.agent.v1.HeartbeatResponse;
import org.caart.contract.agent.v1.OrdersView;
import org.caart.contract.agent.v1.ResultBatchView;

/**
 * A real HTTP server in the test JVM that speaks the agent API under {@code /api/agent/v1/}: by default heartbeats
 * are answered, polls get no orders and batches are accepted. Tests script replies per endpoint ("enroll",
 * "heartbeat", "orders", "results"): scripted replies are used first, in order, then the default again. Every
 * request is recorded.
 */
public final class FakeServer implements AutoCloseable {

    /** One request as received. */
    public record Request(String method, String endpoint, String query, String authorization, byte[] body) {
        public <T> T body(Class<T> type) {
            try {
                return Json.read(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One answer. */
    public record Reply(int status, String contentType, byte[] body) {
        public static Reply json(int status, Object body) {
            return new Reply(status, "application/json", Json.write(body));
        }

        public static Reply problem(int status, String type, String detail) {
            String json = "{\"type\":" + quote(type) + ",\"title\":\"Refused\",\"status\":" + status + ",\"detail\":"
                    + quote(detail) + "}";
            return new Reply(status, "application/problem+json", json.getBytes(StandardCharsets.UTF_8));
        }

        private static String quote(String text) {
            return text == null ? "null" : "\"" + text.replace("\"", "\\\"") + "\"";
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Function<Request, Reply>>> scripts = new HashMap<>();
    private final Map<String, Function<Request, Reply>> defaults = new HashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private String basePath = "/";

    private FakeServer(HttpServer server) {
        this.server = server;
        defaults.put("heartbeat", r -> Reply.json(200, new HeartbeatResponse("2026-01-01T00:00:00Z", "Acme")));
        defaults.put("orders", r -> Reply.json(200, new OrdersView(List.of(), List.of())));
        defaults.put("results", r -> Reply.json(202, new BatchReceipt(r.body(ResultBatchView.class).batchId(), false)));
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeServer start() {
        try {
            return new FakeServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FakeServer startTls(SSLContext tls) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new FakeServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Replies for the next requests to an endpoint, in order. */
    public synchronized FakeServer script(String endpoint, Reply... replies) {
        for (Reply reply : replies) {
            then(endpoint, r -> reply);
        }
        return this;
    }

    /** A computed reply for the next request to an endpoint. */
    public synchronized FakeServer then(String endpoint, Function<Request, Reply> reply) {
        scripts.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).add(reply);
        return this;
    }

    /** The reply to every request to an endpoint once the script is used up. */
    public synchronized FakeServer always(String endpoint, Function<Request, Reply> reply) {
        defaults.put(endpoint, reply);
        return this;
    }

    public synchronized List<Request> requests(String endpoint) {
        return requests.stream().filter(r -> r.endpoint().equals(endpoint)).toList();
    }

    public <T> List<T> bodies(String endpoint, Class<T> type) {
        return requests(endpoint).stream().map(r -> r.body(type)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String endpoint = path.substring(path.lastIndexOf('/') + 1);
            Request request = new Request(exchange.getRequestMethod(), endpoint, exchange.getRequestURI().getQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestBody().readAllBytes());
            Function<Request, Reply> handler;
            synchronized (this) {
                requests.add(request);
                Deque<Function<Request, Reply>> script = scripts.get(endpoint);
                handler = script != null && !script.isEmpty() ? script.poll()
                        : defaults.getOrDefault(endpoint, r -> Reply.problem(404, "about:blank", "no " + path));
                if (!path.startsWith(basePath() + ServerClient.API)) {
                    handler = r -> Reply.problem(404, "about:blank", "not under the agent API: " + path);
                }
            }
            Reply reply = handler.apply(request);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    /** Serves the API below a path prefix (a server behind a reverse proxy). */
    public synchronized FakeServer basePath(String prefix) {
        basePath = prefix.endsWith("/") ? prefix : prefix + "/";
        return this;
    }

    private synchronized String basePath() {
        return basePath;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
