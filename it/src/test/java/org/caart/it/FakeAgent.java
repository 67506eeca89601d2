package org.caart.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * An agent spoken by hand over the agent API, for the protocol's edge cases (the real agent process has its own
 * end-to-end test). Enrolls with a token from the company API.
 */
final class FakeAgent {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final String agentId;
    final String secret;
    final String hostname;
    /** The deployment the agent talks to; null: the shared server. */
    private CaartServer target;

    private FakeAgent(String agentId, String secret, String hostname) {
        this.agentId = agentId;
        this.secret = secret;
        this.hostname = hostname;
    }

    /** A new enrollment token of the tenant's company (the owner asks for it). */
    static String token(Tenant tenant) {
        Api.Reply reply = tenant.api().post(tenant.path("/enrollment-tokens"), "");
        if (reply.status() != 201) {
            throw new IllegalStateException("No enrollment token: " + reply.status() + " " + reply.body());
        }
        return reply.json().getString("token");
    }

    static FakeAgent enroll(Tenant tenant, String hostname) {
        return enrolled(enroll(token(tenant), hostname), hostname);
    }

    /** Enrolls with a token of the company at another deployment than the shared server. */
    static FakeAgent enroll(CaartServer target, String token, String hostname) {
        return enrolled(send(target, null, "POST", "/api/agent/v1/enroll", Json.createObjectBuilder()
                .add("token", token).add("host", host(hostname)).build().toString()), hostname);
    }

    /** As {@link #enroll(CaartServer, String, String)}, and every later call of the agent goes there too. */
    static FakeAgent enrollAt(CaartServer target, String token, String hostname) {
        FakeAgent agent = enroll(target, token, hostname);
        agent.target = target;
        return agent;
    }

    private static FakeAgent enrolled(Api.Reply reply, String hostname) {
        if (reply.status() != 201) {
            throw new IllegalStateException("Enrollment refused: " + reply.status() + " " + reply.body());
        }
        return new FakeAgent(reply.json().getString("agentId"), reply.json().getString("secret"), hostname);
    }

    static Api.Reply enroll(String token, String hostname) {
        return send(null, "POST", "/api/agent/v1/enroll", Json.createObjectBuilder().add("token", token)
                .add("host", host(hostname)).build().toString());
    }

    static JsonObjectBuilder host(String hostname) {
        return Json.createObjectBuilder().add("hostname", hostname).add("os", "Debian GNU/Linux 12")
                .add("osFamily", "LINUX").add("osVersion", "12").add("agentVersion", "0.1.0-fake")
                .add("lastPatchDate", "2026-11-01").add("patchSource", "apt history");
    }

    Api.Reply heartbeat() {
        return send(this, "POST", "/api/agent/v1/heartbeat", Json.createObjectBuilder().add("host", host(hostname))
                .add("droppedBatches", 0).add("spooledBatches", 0).build().toString());
    }

    Api.Reply orders(int waitSeconds) {
        return send(this, "GET", "/api/agent/v1/orders?waitSeconds=" + waitSeconds, null);
    }

    /** The run id of the first order to start, waiting up to 10 s for one. */
    String nextRun() {
        Api.Reply reply = orders(10);
        if (reply.status() != 200 || reply.json().getJsonArray("start").isEmpty()) {
            throw new IllegalStateException("No order: " + reply.status() + " " + reply.body());
        }
        return reply.json().getJsonArray("start").getJsonObject(0).getString("runId");
    }

    Api.Reply batch(String batchId, String runId, int sequence, int planned, int from, int count, String end) {
        return post(batchJson(batchId, runId, sequence, planned, from, count, end).toString());
    }

    Api.Reply post(String body) {
        return send(this, "POST", "/api/agent/v1/results", body);
    }

    Api.Reply remediationReport(String body) {
        return send(this, "POST", "/api/agent/v1/remediation-reports", body);
    }

    /** The remediation orders waiting for this agent (answered at once). */
    jakarta.json.JsonArray remediationOrders() {
        Api.Reply reply = orders(0);
        if (reply.status() != 200) {
            throw new IllegalStateException("No orders: " + reply.status() + " " + reply.body());
        }
        return reply.json().getJsonArray("remediate");
    }

    static JsonObject batchJson(String batchId, String runId, int sequence, int planned, int from, int count,
            String end) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (int i = from; i < from + count; i++) {
            results.add(Json.createObjectBuilder().add("checkId", "check-" + i).add("title", "Check number " + i)
                    .add("status", i % 4 == 0 ? "FAILED" : "PASSED").add("severity", i % 8 == 0 ? "HIGH" : "MEDIUM")
                    .add("references", Json.createArrayBuilder().add("CIS 1." + i))
                    .add("expected", "setting = on").add("observed", i % 4 == 0 ? "setting = off" : "setting = on")
                    .add("durationMicros", 10));
        }
        JsonObjectBuilder batch = Json.createObjectBuilder().add("batchId", batchId).add("runId", runId)
                .add("sequence", sequence).add("planned", planned).add("results", results);
        if (end != null) {
            batch.add("end", end);
        }
        return batch.build();
    }

    static String newBatchId() {
        return UUID.randomUUID().toString();
    }

    static Api.Reply send(FakeAgent agent, String method, String path, String body) {
        return send(agent != null && agent.target != null ? agent.target : SharedServer.server(), agent, method, path,
                body);
    }

    /** A call to another deployment than the shared server (a cluster's load balancer). */
    static Api.Reply send(CaartServer target, FakeAgent agent, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url(path)))
                .timeout(Duration.ofSeconds(70)).header("Content-Type", "application/json")
                .expectContinue(body != null && body.length() > 1024 * 1024)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (agent != null) {
            request.header("Authorization", "Bearer " + agent.agentId + "." + agent.secret);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
