package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Test fixtures for remediation: an audit whose fake agents leave failing checks (check-0 and check-4 of
 * {@link FakeAgent#batchJson} fail on every host), and remediation reports as an agent writes them.
 */
final class Remediating {

    private Remediating() {
    }

    /** Runs an audit of every endpoint of the company; each agent sends 8 results, 2 of them failing. */
    static long auditWithFailures(Tenant t, String title, FakeAgent... agents) {
        long audit = AgentApiIT.startAudit(t, title);
        for (FakeAgent agent : agents) {
            String run = agent.nextRun();
            assertEquals(202, agent.batch(FakeAgent.newBatchId(), run, 0, 8, 0, 8, "COMPLETED").status());
        }
        AgentApiIT.awaitStatus(t, audit, "COMPLETED");
        return audit;
    }

    /** The failing results of the audit: ids by host name and check, e.g. "host-1/check-0". */
    static java.util.Map<String, Long> failing(Tenant t, long audit) {
        java.util.Map<String, String> hostOfRun = new java.util.HashMap<>();
        t.api().get(t.path("/audits/" + audit)).json().getJsonArray("runs").stream().map(JsonValue::asJsonObject)
                .forEach(r -> hostOfRun.put(r.getString("id"), r.getString("hostname")));
        java.util.Map<String, Long> ids = new java.util.TreeMap<>();
        t.api().get(t.path("/audits/" + audit + "/results?status=FAILED")).array().stream()
                .map(JsonValue::asJsonObject)
                .forEach(r -> ids.put(hostOfRun.get(r.getString("runId")) + "/" + r.getString("checkId"),
                        r.getJsonNumber("id").longValue()));
        return ids;
    }

    static Api.Reply order(Api api, Tenant t, List<Long> resultIds) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        resultIds.forEach(ids::add);
        return api.post(t.path("/remediations"), Json.createObjectBuilder().add("checkResultIds", ids)
                .build().toString());
    }

    static JsonObject awaitStatus(Api api, Tenant t, long remediation, String status) {
        return Wait.until(Duration.ofSeconds(20), () -> {
            JsonObject r = api.get(t.path("/remediations/" + remediation)).json();
            return r.getString("status").equals(status) ? r : null;
        });
    }

    /** One item of a report: state, fix kind, observed, target, before, after, message, flags, manual text. */
    static JsonObject item(JsonObject ordered, String state, String fixKind, String observed, String target,
            String before, String after, String message, List<String> flags, String manualText) {
        JsonArrayBuilder flagArray = Json.createArrayBuilder();
        flags.forEach(flagArray::add);
        JsonObjectBuilder item = Json.createObjectBuilder().add("itemId", ordered.getString("itemId"))
                .add("checkId", ordered.getString("checkId")).add("policyId", ordered.getString("policyId"))
                .add("state", state).add("flags", flagArray).add("at", java.time.Instant.now().toString());
        put(item, "fixKind", fixKind);
        put(item, "observed", observed);
        put(item, "target", target);
        put(item, "before", before);
        put(item, "after", after);
        put(item, "message", message);
        put(item, "manualText", manualText);
        return item.build();
    }

    static String report(JsonObject order, int sequence, boolean finished, boolean allowed, String message,
            List<JsonObject> items) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(array::add);
        JsonObjectBuilder report = Json.createObjectBuilder().add("reportId", UUID.randomUUID().toString())
                .add("orderId", order.getString("orderId")).add("action", order.getString("action"))
                .add("sequence", sequence).add("finished", finished).add("remediationAllowed", allowed)
                .add("items", array);
        put(report, "message", message);
        return report.build().toString();
    }

    /** The ordered item for a check in an order the agent received. */
    static JsonObject ordered(JsonObject order, String checkId) {
        return order.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("checkId").equals(checkId)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + checkId + " in " + order));
    }

    private static void put(JsonObjectBuilder builder, String name, String value) {
        if (value != null) {
            builder.add(name, value);
        }
    }

    /**
     * The tenant's feed events whose subject starts with {@code subject}, as "type host check before -> after", in
     * their order, once there are {@code n} (the sequencer numbers them within 2 s), read through the pull API.
     */
    static List<String> awaitFeed(Tenant t, String subject, int n) {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            Api.Reply page = t.api().get(t.path("/feed/events?after=0&limit=5000"));
            assertEquals(200, page.status(), page.body());
            List<String> events = page.body().lines()
                    .map(l -> Json.createReader(new java.io.StringReader(l)).readObject())
                    .filter(e -> e.getJsonObject("finding_info").getString("title").startsWith(subject))
                    .map(e -> e.getJsonObject("unmapped").getString("type") + " "
                            + e.getJsonObject("device").getString("hostname") + " "
                            + e.getJsonObject("compliance").getString("control") + " "
                            + e.getJsonObject("unmapped").getString("before", "null") + " -> "
                            + e.getJsonObject("unmapped").getString("after"))
                    .toList();
            if (events.size() >= n || System.nanoTime() > until) {
                return events;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
