package org.caart.agent.transport;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import org.caart.agent.config.AgentIdentity;
import org.caart.contract.agent.v1.BatchReceipt;
import org.caart.contract.agent.v1.EnrollRequest;
import org.caart.contract.agent.v1.EnrollResponse;
import org.caart.contract.agent.v1.HeartbeatRequest;
import org.caart.contract.agent.v1.HeartbeatResponse;
import org.caart.contract.agent.v1.OrdersView;
import org.caart.contract.agent.v1.RemediationReceipt;
import org.caart.contract.agent.v1.RemediationReportView;
import org.caart.contract.agent.v1.ResultBatchView;

/**
 * The agent API ({@code /api/agent/v1}, see docs/agent-protocol.md) over the JDK's HTTP client: contract records in
 * and out as JSON, {@code Authorization: Bearer <agentId>.<secret>} once enrolled, optional certificate pinning.
 * Failures come back as one of three {@link ServerException}s: refused (4xx; the server's sentence), unavailable
 * (unreachable, 5xx, 429: try again later) or re-enroll required (401 of type {@value ReEnrollRequiredException#TYPE}).
 * HTTP/1.1 on purpose: one request at a time gains nothing from HTTP/2, and plain-HTTP upgrade attempts confuse
 * some proxies. Redirects are not followed, so the credential never goes anywhere but the enrolled server.
 */
public final class ServerClient {

    static final String API = "api/agent/v1/";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI server;
    private final URI api;
    private final HttpClient http;
    private final String authorization;

    private ServerClient(URI server, PinnedCertificate pin, String authorization) {
        this.server = server;
        this.api = URI.create(server.toString().replaceFirst("/*$", "/") + API);
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER);
        if (pin != null) {
            builder.sslContext(pin.sslContext());
        }
        this.http = builder.build();
        this.authorization = authorization;
    }

    /** A client for enrollment, before the agent has an identity. */
    public static ServerClient anonymous(URI server, PinnedCertificate pin) {
        return new ServerClient(server, pin, null);
    }

    /** A client that authenticates as the enrolled agent. */
    public static ServerClient of(AgentIdentity identity) {
        PinnedCertificate pin = identity.pinSha256() == null ? null : PinnedCertificate.parse(identity.pinSha256());
        return new ServerClient(serverUri(identity.server()), pin, identity.authorization());
    }

    /**
     * Checks a {@code --server} value: an absolute http or https URL without query or fragment (a path prefix is
     * fine). IllegalArgumentException with a sentence for the user otherwise.
     */
    public static URI serverUri(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("--server needs the server's address, like https://caart.example.com");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("--server takes the server's address only, without query, fragment"
                        + " or user name");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--server is not a valid URL: " + e.getReason(), e);
        }
    }

    public URI server() {
        return server;
    }

    public EnrollResponse enroll(EnrollRequest request) throws ServerException, InterruptedException {
        return post("enroll", request, EnrollResponse.class);
    }

    public HeartbeatResponse heartbeat(HeartbeatRequest request) throws ServerException, InterruptedException {
        return post("heartbeat", request, HeartbeatResponse.class);
    }

    /** Waits up to {@code waitSeconds} for orders; the server answers at once when it has some. */
    public OrdersView orders(int waitSeconds) throws ServerException, InterruptedException {
        HttpRequest.Builder request = request("orders?waitSeconds=" + waitSeconds,
                REQUEST_TIMEOUT.plusSeconds(waitSeconds)).GET();
        return exchange(request, OrdersView.class);
    }

    public BatchReceipt send(ResultBatchView batch) throws ServerException, InterruptedException {
        return post("results", batch, BatchReceipt.class);
    }

    /** Sends where a remediation order stands (POST remediation-reports). */
    public RemediationReceipt remediationReport(RemediationReportView report) throws ServerException,
            InterruptedException {
        return post("remediation-reports", report, RemediationReceipt.class);
    }

    private <T> T post(String path, Object body, Class<T> answer) throws ServerException, InterruptedException {
        HttpRequest.Builder request = request(path, REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
        return exchange(request, answer);
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private <T> T exchange(HttpRequest.Builder request, Class<T> answer) throws ServerException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ServerUnavailableException("cannot reach " + server + ": " + Causes.describe(e), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return Json.read(response.body(), answer);
            } catch (IOException e) {
                throw new ServerUnavailableException("the server at " + server + " sent an answer this agent cannot"
                        + " read (HTTP " + status + "): " + e.getMessage(), e);
            }
        }
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("another address");
            throw new ServerRefusedException(status, new ProblemView(null, null, status, "the server at " + server
                    + " redirects to " + location + "; use that address as the server", null));
        }
        boolean described = response.headers().firstValue("Content-Type")
                .filter(type -> type.startsWith("application/problem+json")).isPresent();
        throw failure(status, problem(response.body()), described);
    }

    /**
     * A refusal is final only when the application itself explains it (problem+json): a bare 404 is what a server
     * that is still starting, or a proxy in front of it, answers, and the request is worth repeating.
     */
    private ServerException failure(int status, ProblemView problem, boolean described) {
        if (status == 401 && authorization != null && ReEnrollRequiredException.TYPE.equals(problem.type())) {
            return new ReEnrollRequiredException(problem.sentence(status));
        }
        if (status >= 500 || status == 429 || status == 408 || (status == 404 && !described)) {
            return new ServerUnavailableException("the server at " + server + " could not answer: "
                    + problem.sentence(status), null);
        }
        return new ServerRefusedException(status, problem);
    }

    private static ProblemView problem(byte[] body) {
        try {
            return body.length == 0 ? ProblemView.empty() : Json.read(body, ProblemView.class);
        } catch (IOException | RuntimeException e) {
            return ProblemView.empty();
        }
    }
}
