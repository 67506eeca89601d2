package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agent API's contract at its edges: enrollment tokens, identities, batches, stop and start deadline. */
@ExtendWith(SharedServer.class)
class AgentApiIT {

    @AfterEach
    void realTime() {
        assertEquals(204, SharedServer.operatorApi().delete("/api/system/clock").status());
    }

    @Test
    void anEnrollmentTokenWorksOnceAndNotAfterItExpires() {
        Tenant t = Tenant.create("enroll");
        String token = FakeAgent.token(t);
        assertEquals(201, FakeAgent.enroll(token, "first").status());
        Api.Reply reused = FakeAgent.enroll(token, "second");
        assertEquals(409, reused.status());
        assertTrue(reused.json().getString("detail").contains("already been used"));

        String late = FakeAgent.token(t);
        moveClock(Instant.now().plus(31, ChronoUnit.MINUTES));
        Api.Reply expired = FakeAgent.enroll(late, "third");
        assertEquals(410, expired.status());
        assertTrue(expired.json().getString("detail").contains("expired"));

        Api.Reply unknown = FakeAgent.enroll("A".repeat(43), "fourth");
        assertEquals(401, unknown.status());
        assertEquals(400, FakeAgent.enroll("", "fifth").status());
        assertEquals(List.of("first"), hostnames(t), "refused enrollments created nothing");
    }

    @Test
    void anAgentOlderThanTheServersMinimumIsRefusedWithWhatToInstall() {
        Tenant t = Tenant.create("old-agent");
        String token = FakeAgent.token(t);
        String old = Json.createObjectBuilder().add("token", token)
                .add("host", FakeAgent.host("old-host").add("agentVersion", "0.0.9")).build().toString();
        Api.Reply refused = FakeAgent.send(null, "POST", "/api/agent/v1/enroll", old);
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.json().getString("detail").contains("version 0.0.9")
                && refused.json().getString("detail").contains("0.1 or newer"), refused.body());
        assertEquals(List.of(), hostnames(t), "a refused agent is not enrolled");
        assertEquals(201, FakeAgent.enroll(token, "new-host").status(), "the token is still unused");

        FakeAgent agent = FakeAgent.enroll(t, "upgraded-host");
        String oldBeat = Json.createObjectBuilder().add("host", FakeAgent.host("upgraded-host")
                .add("agentVersion", "0.0.9")).add("droppedBatches", 0).add("spooledBatches", 0).build().toString();
        Api.Reply beat = FakeAgent.send(agent, "POST", "/api/agent/v1/heartbeat", oldBeat);
        assertEquals(403, beat.status(), beat.body());
        assertEquals(200, agent.heartbeat().status(), "the same agent, updated, is accepted again");
    }

    @Test
    void aRevokedAgentIsToldToEnrollAgain() {
        Tenant t = Tenant.create("revoke");
        FakeAgent agent = FakeAgent.enroll(t, "to-revoke");
        assertEquals(200, agent.heartbeat().status());
        long id = endpointId(t, "to-revoke");
        assertEquals(200, t.api().delete(t.path("/endpoints/" + id)).status());
        Api.Reply refused = agent.heartbeat();
        assertEquals(401, refused.status());
        assertEquals("urn:caart:agent:re-enroll", refused.json().getString("type"));
        assertEquals(401, agent.orders(0).status());
        assertEquals("REVOKED", t.api().get(t.path("/endpoints/" + id)).json().getString("status"));
    }

    @Test
    void aBatchSentTwiceIsStoredOnceAndBadBatchesStoreNothing() {
        Tenant t = Tenant.create("batches");
        FakeAgent agent = FakeAgent.enroll(t, "batcher");
        long audit = startAudit(t, "Twice");
        String run = agent.nextRun();
        String batchId = FakeAgent.newBatchId();
        assertEquals(202, agent.batch(batchId, run, 0, 30, 0, 20, null).status());
        assertEquals(202, agent.batch(batchId, run, 0, 30, 0, 20, null).status(), "a resend is accepted");

        Api.Reply malformed = agent.post("{\"batchId\":\"not-a-uuid\",\"runId\":\"" + run + "\",\"sequence\":1,"
                + "\"results\":[{\"checkId\":\"x\",\"title\":\"X\",\"status\":\"MAYBE\"}]}");
        assertEquals(400, malformed.status(), malformed.body());
        assertTrue(malformed.contentType().startsWith("application/problem+json"));
        Api.Reply missingStatus = agent.post("{\"batchId\":\"" + FakeAgent.newBatchId() + "\",\"runId\":\"" + run
                + "\",\"sequence\":1,\"results\":[{\"checkId\":\"x\",\"title\":\"X\"}]}");
        assertEquals(400, missingStatus.status());
        assertTrue(missingStatus.json().getJsonObject("fields").containsKey("results[0].status"), missingStatus.body());
        assertEquals(400, agent.post("{not json").status());
        String huge = FakeAgent.batchJson(FakeAgent.newBatchId(), run, 1, 30, 0, 1, null).toString()
                .replace("setting = on", "x".repeat(5 * 1024 * 1024));
        assertEquals(413, agent.post(huge).status());
        Api.Reply foreignRun = agent.batch(FakeAgent.newBatchId(), java.util.UUID.randomUUID().toString(), 0, 1, 0, 1,
                null);
        assertEquals(404, foreignRun.status());

        assertEquals(202, agent.batch(FakeAgent.newBatchId(), run, 1, 30, 20, 10, "COMPLETED").status());
        JsonObject done = awaitStatus(t, audit, "COMPLETED");
        JsonObject r = done.getJsonArray("runs").getJsonObject(0);
        assertEquals(30, r.getInt("received"), "20 + 10, the resend counted once: " + r);
        assertEquals(30, t.api().get(t.path("/audits/" + audit + "/results")).array().size());
        assertEquals(8, r.getInt("failed"));
    }

    @Test
    void resultTextsAreStoredAsTheAgentSentThem() {
        Tenant t = Tenant.create("texts");
        FakeAgent agent = FakeAgent.enroll(t, "texter");
        long audit = startAudit(t, "Texts");
        String run = agent.nextRun();
        // what a bulk write must not mangle: its own column, row and escape characters, a null-looking value,
        // quotes, non-Latin text and a character outside the BMP, a NUL (which PostgreSQL cannot store) and text
        // longer than its column
        String tricky = "line 1\nline 2\r\n\tindented \\N back\\slash 'single' \"double\" Zürich Ωμέγα 🔒 \\.";
        String withNul = "REG_MULTI_SZ a\0b";
        String tooLong = "x".repeat(3999) + "🔒";
        JsonObject result = Json.createObjectBuilder().add("checkId", "text-1").add("title", "Texts " + tricky)
                .add("status", "FAILED").add("severity", "LOW")
                .add("references", Json.createArrayBuilder().add("CIS 1.1").add("tab\there"))
                .add("reason", withNul).add("expected", tricky).add("observed", tooLong).add("description", tricky)
                .add("rationale", "\\").add("durationMicros", 5).build();
        JsonObject bare = Json.createObjectBuilder().add("checkId", "text-2").add("title", "Bare")
                .add("status", "NOT_APPLICABLE").build();
        String batch = Json.createObjectBuilder().add("batchId", FakeAgent.newBatchId()).add("runId", run)
                .add("sequence", 0).add("planned", 2).add("results", Json.createArrayBuilder().add(result).add(bare))
                .add("end", "COMPLETED").build().toString();
        assertEquals(202, agent.post(batch).status());
        awaitStatus(t, audit, "COMPLETED");

        List<JsonObject> stored = t.api().get(t.path("/audits/" + audit + "/results")).array()
                .getValuesAs(JsonObject.class);
        assertEquals(2, stored.size(), stored.toString());
        JsonObject first = stored.stream().filter(r -> r.getString("checkId").equals("text-1")).findFirst()
                .orElseThrow();
        assertEquals("Texts " + tricky, first.getString("title"));
        assertEquals("FAILED", first.getString("status"));
        assertEquals("LOW", first.getString("severity"));
        assertEquals("CIS 1.1, tab\there", first.getString("references"));
        assertEquals("REG_MULTI_SZ a\uFFFDb", first.getString("reason"), "NUL kept visible, the batch not lost");
        assertEquals(tricky, first.getString("expected"));
        assertEquals("x".repeat(3999) + "…", first.getString("observed"), "cut to the column, never half a character");
        assertEquals(tricky, first.getString("description"));
        assertEquals("\\", first.getString("rationale"));
        assertTrue(absent(first, "remediation"), first.toString());
        JsonObject second = stored.stream().filter(r -> r.getString("checkId").equals("text-2")).findFirst()
                .orElseThrow();
        assertEquals("NOT_APPLICABLE", second.getString("status"));
        assertTrue(absent(second, "severity") && absent(second, "reason") && absent(second, "observed"),
                second.toString());
        assertEquals("", second.getString("references"));
    }

    private static boolean absent(JsonObject object, String name) {
        return !object.containsKey(name) || object.isNull(name);
    }

    @Test
    void stoppingKeepsWhatArrivedAndTellsTheAgent() {
        Tenant t = Tenant.create("stop");
        FakeAgent agent = FakeAgent.enroll(t, "stopper");
        FakeAgent idle = FakeAgent.enroll(t, "never-starts");
        long audit = startAudit(t, "Stop me");
        String run = agent.nextRun();
        assertEquals(202, agent.batch(FakeAgent.newBatchId(), run, 0, 100, 0, 10, null).status());
        awaitRunStatus(t, audit, "stopper", "RUNNING");

        assertEquals(200, t.api().post(t.path("/audits/" + audit + "/stop"), "").status());
        Api.Reply receipt = agent.batch(FakeAgent.newBatchId(), run, 1, 100, 10, 5, null);
        assertTrue(receipt.json().getBoolean("stopRequested"), receipt.body());
        assertTrue(agent.orders(0).json().getJsonArray("stopRunIds").toString().contains(run));
        assertEquals(202, agent.batch(FakeAgent.newBatchId(), run, 2, 100, 15, 0, "STOPPED").status());

        JsonObject stopped = awaitRunStatus(t, audit, "stopper", "STOPPED");
        assertEquals("STOPPED", stopped.getString("status"));
        JsonObject partial = run(stopped, "stopper");
        assertEquals(15, partial.getInt("received"), "partial results kept");
        assertEquals("STOPPED", run(stopped, "never-starts").getString("status"));
        assertTrue(idle.orders(0).json().getJsonArray("start").isEmpty(), "a stopped audit is not ordered any more");
    }

    @Test
    void anEndpointThatNeverPicksUpTheOrderFailsToStartAfterTheDeadline() {
        Tenant t = Tenant.create("deadline");
        FakeAgent.enroll(t, "asleep");
        long audit = startAudit(t, "Deadline");
        moveClock(Instant.now().plus(31, ChronoUnit.MINUTES));
        JsonObject failed = awaitStatus(t, audit, "FAILED_TO_START");
        JsonObject r = run(failed, "asleep");
        assertEquals("FAILED_TO_START", r.getString("status"));
        assertTrue(r.getString("error").contains("did not pick up the order"), r.toString());
    }

    @Test
    void twoHundredAuditsRunAtOnceAcrossEndpointsAndCompanies() throws Exception {
        List<Tenant> tenants = List.of(Tenant.create("load-a"), Tenant.create("load-b"));
        List<FakeAgent> agents = new ArrayList<>();
        for (Tenant t : tenants) {
            for (int i = 0; i < 5; i++) {
                agents.add(FakeAgent.enroll(t, t.companyName().replace(' ', '-') + "-host-" + i));
            }
        }
        for (Tenant t : tenants) {
            for (int i = 0; i < 20; i++) {
                startAudit(t, "Load " + i);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<List<String>>> started = new ArrayList<>();
        for (FakeAgent agent : agents) {
            started.add(pool.submit(() -> {
                List<String> runs = new ArrayList<>();
                for (JsonValue order : agent.orders(0).json().getJsonArray("start")) {
                    String run = order.asJsonObject().getString("runId");
                    assertEquals(202, agent.batch(FakeAgent.newBatchId(), run, 0, 6, 0, 3, null).status());
                    runs.add(run);
                }
                return runs;
            }));
        }
        int total = 0;
        for (Future<List<String>> f : started) {
            total += f.get().size();
        }
        assertEquals(200, total, "each of 10 endpoints has 20 orders");
        int running = Wait.until(Duration.ofSeconds(60), () -> {
            int n = tenants.stream().mapToInt(AgentApiIT::runningRuns).sum();
            return n >= 200 ? n : null;
        });
        assertEquals(200, running, "200 runs in flight at once");
        List<Future<Integer>> finished = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            FakeAgent agent = agents.get(i);
            List<String> runs = started.get(i).get();
            finished.add(pool.submit(() -> {
                for (String run : runs) {
                    assertEquals(202, agent.batch(FakeAgent.newBatchId(), run, 1, 6, 3, 3, "COMPLETED").status());
                }
                return runs.size();
            }));
        }
        for (Future<Integer> f : finished) {
            f.get();
        }
        pool.shutdown();
        for (Tenant t : tenants) {
            Wait.until(Duration.ofSeconds(120), () -> t.api().get(t.path("/audits")).array().stream()
                    .allMatch(a -> a.asJsonObject().getString("status").equals("COMPLETED")) ? true : null);
            for (JsonValue audit : t.api().get(t.path("/audits?runs=true")).array()) {
                for (JsonValue r : audit.asJsonObject().getJsonArray("runs")) {
                    assertEquals(6, r.asJsonObject().getInt("received"), audit.toString());
                }
            }
        }
    }

    private static int runningRuns(Tenant t) {
        return (int) t.api().get(t.path("/audits?runs=true")).array().stream()
                .flatMap(a -> a.asJsonObject().getJsonArray("runs").stream())
                .filter(r -> r.asJsonObject().getString("status").equals("RUNNING")).count();
    }

    static long startAudit(Tenant t, String title) {
        Api.Reply reply = t.api().post(t.path("/audits"), "{\"title\":\"" + title + "\",\"allEndpoints\":true}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    static JsonObject awaitStatus(Tenant t, long audit, String status) {
        return Wait.until(Duration.ofSeconds(30), () -> {
            JsonObject a = t.api().get(t.path("/audits/" + audit)).json();
            return a.getString("status").equals(status) ? a : null;
        });
    }

    static JsonObject awaitRunStatus(Tenant t, long audit, String host, String status) {
        return Wait.until(Duration.ofSeconds(30), () -> {
            JsonObject a = t.api().get(t.path("/audits/" + audit)).json();
            return run(a, host).getString("status").equals(status) ? a : null;
        });
    }

    static JsonObject run(JsonObject audit, String host) {
        return audit.getJsonArray("runs").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("hostname").equals(host)).findFirst().orElseThrow();
    }

    static long endpointId(Tenant t, String host) {
        return t.api().get(t.path("/endpoints")).array().stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("hostname").equals(host)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    private static List<String> hostnames(Tenant t) {
        return t.api().get(t.path("/endpoints")).array().stream()
                .map(e -> e.asJsonObject().getString("hostname")).toList();
    }

    private static void moveClock(Instant to) {
        assertEquals(204, SharedServer.operatorApi().put("/api/system/clock", "{\"now\":\"" + to + "\"}").status());
    }

    @Test
    void aStopIsNotAnErrorForAnAuditThatHasEnded() {
        Tenant t = Tenant.create("ended");
        FakeAgent agent = FakeAgent.enroll(t, "quick");
        long audit = startAudit(t, "Quick");
        String run = agent.nextRun();
        assertEquals(202, agent.batch(FakeAgent.newBatchId(), run, 0, 2, 0, 2, "COMPLETED").status());
        awaitStatus(t, audit, "COMPLETED");
        Api.Reply stop = t.api().post(t.path("/audits/" + audit + "/stop"), "");
        assertEquals(200, stop.status());
        assertEquals("COMPLETED", stop.json().getString("status"));
        assertFalse(agent.batch(FakeAgent.newBatchId(), run, 1, 2, 2, 0, null).json().getBoolean("stopRequested"));
    }
}
