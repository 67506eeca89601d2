package org.caart.agent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.caart.agent.config.AgentIdentity;
import org.caart.agent.transport.FakeServer.Reply;
import org.caart.contract.agent.v1.EnrollRequest;
import org.caart.contract.agent.v1.EnrollResponse;
import org.caart.contract.agent.v1.HeartbeatRequest;
import org.caart.contract.agent.v1.HostView;
import org.caart.contract.agent.v1.OrdersView;
import org.caart.contract.agent.v1.ResultBatchView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServerClientTest {

    static final HostView HOST = new HostView("web-1", "Debian GNU/Linux 12", "LINUX", "12", "6.1.0-26-amd64",
            "0.1.0", "2025-11-10", "apt history");

    private final FakeServer server = FakeServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private ServerClient enrolled() {
        return ServerClient.of(new AgentIdentity(server.uri().toString(), null, "ag-7", "s3cret", 1, "Acme", 25));
    }

    private static HeartbeatRequest heartbeat() {
        return new HeartbeatRequest(HOST, 0, 0);
    }

    @Test
    void enrollPostsTheTokenAndTheHostAndReadsTheIdentity() throws Exception {
        server.script("enroll", Reply.json(201, new EnrollResponse("ag-7", "s3cret", 3, "Acme", 20)));
        EnrollResponse answer = ServerClient.anonymous(server.uri(), null).enroll(new EnrollRequest("tok", HOST));
        assertEquals(new EnrollResponse("ag-7", "s3cret", 3, "Acme", 20), answer);
        FakeServer.Request request = server.requests("enroll").get(0);
        assertEquals("POST", request.method());
        assertNull(request.authorization());
        assertEquals(new EnrollRequest("tok", HOST), request.body(EnrollRequest.class));
    }

    @Test
    void requestsOfAnEnrolledAgentCarryItsBearerCredential() throws Exception {
        enrolled().heartbeat(heartbeat());
        assertEquals("Bearer ag-7.s3cret", server.requests("heartbeat").get(0).authorization());
    }

    @Test
    void absentValuesAreSentAsNull() throws Exception {
        enrolled().heartbeat(new HeartbeatRequest(new HostView("h", "os", "LINUX", "1", null, "v", null, null), 0, 0));
        String json = new String(server.requests("heartbeat").get(0).body(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"lastPatchDate\":null"), json);
    }

    @Test
    void ordersAsksTheServerToWaitUpToThePollTime() throws Exception {
        OrdersView orders = enrolled().orders(25);
        assertTrue(orders.isEmpty());
        assertEquals("GET", server.requests("orders").get(0).method());
        assertEquals("waitSeconds=25", server.requests("orders").get(0).query());
    }

    @Test
    void aServerBelowAPathPrefixIsReachedThere() throws Exception {
        server.basePath("/caart");
        ServerClient client = ServerClient.of(new AgentIdentity(server.uri() + "/caart/", null, "a", "s", 1, "A", 25));
        client.heartbeat(heartbeat());
        assertEquals(1, server.requests("heartbeat").size());
    }

    @Test
    void answersWithFieldsThisAgentDoesNotKnowAreRead() throws Exception {
        server.script("heartbeat", new Reply(200, "application/json",
                "{\"serverTime\":\"t\",\"companyName\":\"Acme\",\"newField\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Acme", enrolled().heartbeat(heartbeat()).companyName());
    }

    @Test
    void aProblemBecomesARefusalWithTheServersSentence() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"The batch is invalid.\",\"fields\":{\"sequence\":\"must not be negative\"}}";
        server.script("results", new Reply(400, "application/problem+json", problem.getBytes(StandardCharsets.UTF_8)));
        ServerRefusedException e = assertThrows(ServerRefusedException.class, () -> enrolled()
                .send(new ResultBatchView("b", "r", -1, 0, List.of(), null, null)));
        assertEquals(400, e.status());
        assertEquals("The batch is invalid.", e.getMessage());
        assertEquals(Map.of("sequence", "must not be negative"), e.fields());
    }

    @Test
    void aRefusalWithoutABodyStillSaysWhatHappened() {
        server.script("heartbeat", new Reply(403, "text/plain", new byte[0]));
        ServerRefusedException e = assertThrows(ServerRefusedException.class, () -> enrolled().heartbeat(heartbeat()));
        assertEquals("HTTP 403", e.getMessage());
    }

    @Test
    void aBareNotFoundIsWorthRetryingButTheApplicationsOwnIsFinal() {
        server.script("heartbeat", new Reply(404, "text/html", "<html>Not Found</html>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ServerUnavailableException.class, () -> enrolled().heartbeat(heartbeat()),
                "a server still starting answers a bare 404");
        server.script("heartbeat", Reply.problem(404, "about:blank", "Run not found"));
        ServerRefusedException e = assertThrows(ServerRefusedException.class, () -> enrolled().heartbeat(heartbeat()));
        assertTrue(e.getMessage().contains("Run not found"), e.getMessage());
    }

    @Test
    void aRedirectIsNotFollowedButNamed() {
        server.always("heartbeat", r -> new Reply(301, "text/plain", new byte[0]));
        ServerRefusedException e = assertThrows(ServerRefusedException.class, () -> enrolled().heartbeat(heartbeat()));
        assertEquals(1, server.requests("heartbeat").size());
        assertTrue(e.getMessage().contains("redirects to"), e.getMessage());
    }

    @Test
    void aReEnrollProblemTellsTheAgentToStop() {
        server.script("heartbeat", Reply.problem(401, ReEnrollRequiredException.TYPE, "Unknown or revoked agent."));
        ReEnrollRequiredException e = assertThrows(ReEnrollRequiredException.class, () -> enrolled().heartbeat(heartbeat()));
        assertEquals("Unknown or revoked agent.", e.getMessage());
    }

    @Test
    void a401OfAnotherTypeIsAPlainRefusal() {
        server.script("enroll", Reply.problem(401, "about:blank", "Unknown enrollment token."));
        ServerRefusedException e = assertThrows(ServerRefusedException.class,
                () -> ServerClient.anonymous(server.uri(), null).enroll(new EnrollRequest("x", HOST)));
        assertEquals(401, e.status());
        assertEquals("Unknown enrollment token.", e.detail());
    }

    @Test
    void serverErrorsAndThrottlingAreWorthRetrying() {
        server.script("heartbeat", Reply.problem(503, "about:blank", "Queue unavailable."),
                Reply.problem(429, "about:blank", "Slow down."));
        ServerUnavailableException e = assertThrows(ServerUnavailableException.class, () -> enrolled().heartbeat(heartbeat()));
        assertTrue(e.getMessage().contains("Queue unavailable."), e.getMessage());
        assertThrows(ServerUnavailableException.class, () -> enrolled().heartbeat(heartbeat()));
    }

    @Test
    void anUnreadableAnswerIsWorthRetrying() {
        server.script("heartbeat", new Reply(200, "text/html", "<html>proxy</html>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ServerUnavailableException.class, () -> enrolled().heartbeat(heartbeat()));
    }

    @Test
    void anUnreachableServerIsWorthRetryingAndNamed() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port);
        ServerUnavailableException e = assertThrows(ServerUnavailableException.class,
                () -> ServerClient.anonymous(closed, null).enroll(new EnrollRequest("t", HOST)));
        assertEquals("cannot reach " + closed + ": connection refused", e.getMessage());
    }

    @Test
    void theServerAddressMustBeAnHttpUrl() {
        assertEquals(URI.create("https://caart.example.com"), ServerClient.serverUri(" https://caart.example.com "));
        for (String bad : new String[] {"caart.example.com", "ftp://x", "https://x/?a=b", "https://u@x", "http://"}) {
            assertThrows(IllegalArgumentException.class, () -> ServerClient.serverUri(bad), bad);
        }
    }
}
