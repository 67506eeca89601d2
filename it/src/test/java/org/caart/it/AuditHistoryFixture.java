package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A company with a history to look back on: web-01 audited twice with the Debian baseline (ssh-root fails in both,
 * ufw is fixed in the second, aslr newly fails) and once with the Windows baseline (all passed); db-01 audited once
 * with the Debian baseline, 30 of its 120 checks failing.
 */
record AuditHistoryFixture(Tenant t, long webId, long dbId, long first, long second, long windows, long bulk) {

    static final String DEBIAN = "caart-debian-baseline";
    static final String WINDOWS = "caart-windows-baseline";

    static AuditHistoryFixture create(String label) {
        Tenant t = Tenant.create(label);
        FakeAgent web = FakeAgent.enroll(t, "web-01");
        long webId = AgentApiIT.endpointId(t, "web-01");
        long first = audit(t, "Baseline week 1", DEBIAN, webId);
        complete(t, web, first, checks("ssh-root", "FAILED", "ufw", "FAILED", "aslr", "PASSED", "tmp", "PASSED"));
        long second = audit(t, "Baseline week 2", DEBIAN, webId);
        complete(t, web, second, checks("ssh-root", "FAILED", "ufw", "PASSED", "aslr", "FAILED", "tmp", "PASSED"));
        long windows = audit(t, "Windows check", WINDOWS, webId);
        complete(t, web, windows, checks("defender", "PASSED"));
        FakeAgent db = FakeAgent.enroll(t, "db-01");
        long dbId = AgentApiIT.endpointId(t, "db-01");
        long bulk = audit(t, "Database baseline", DEBIAN, dbId);
        String run = db.nextRun();
        assertEquals(202, db.batch(FakeAgent.newBatchId(), run, 0, 120, 0, 120, "COMPLETED").status());
        AgentApiIT.awaitStatus(t, bulk, "COMPLETED");
        return new AuditHistoryFixture(t, webId, dbId, first, second, windows, bulk);
    }

    private static Map<String, String> checks(String... idsAndStates) {
        Map<String, String> checks = new LinkedHashMap<>();
        for (int i = 0; i < idsAndStates.length; i += 2) {
            checks.put(idsAndStates[i], idsAndStates[i + 1]);
        }
        return checks;
    }

    static long audit(Tenant t, String title, String policy, long endpointId) {
        Api.Reply reply = t.api().post(t.path("/audits"), "{\"title\":\"" + title + "\",\"endpointIds\":[" + endpointId
                + "],\"policy\":\"" + policy + "\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    /** The agent takes the audit's order and reports these checks in one last batch. */
    private static void complete(Tenant t, FakeAgent agent, long audit, Map<String, String> checks) {
        String run = agent.nextRun();
        JsonArrayBuilder results = Json.createArrayBuilder();
        checks.forEach((id, status) -> results.add(Json.createObjectBuilder().add("checkId", id)
                .add("title", "Check " + id).add("status", status).add("severity", "HIGH")
                .add("references", Json.createArrayBuilder().add("CIS " + id)).add("expected", "on")
                .add("observed", status.equals("PASSED") ? "on" : "off").add("durationMicros", 10)));
        String batch = Json.createObjectBuilder().add("batchId", FakeAgent.newBatchId()).add("runId", run)
                .add("sequence", 0).add("planned", checks.size()).add("results", results).add("end", "COMPLETED")
                .build().toString();
        assertEquals(202, agent.post(batch).status());
        AgentApiIT.awaitStatus(t, audit, "COMPLETED");
    }
}
