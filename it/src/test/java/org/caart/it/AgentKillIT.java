package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server is killed (SIGKILL) while a real agent streams an audit: the agent spools what it cannot send, resends
 * it once the server is back, and the audit ends with exactly the results the agent produced, none twice. The agent's
 * back-off is capped at 3 s so that it comes back within seconds of the restart rather than after up to 5 minutes.
 */
class AgentKillIT {

    private final CaartServer server = CaartServer.configure("agent-kill", TestDatabases.blank("agentkill"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void nothingTheAgentProducedIsLostOrStoredTwiceWhenTheServerDiesMidStream() {
        server.start();
        String email = "killer@caart.test";
        String password = SharedServer.randomPassword();
        PortalClient.signUp(server, email, password);
        Api api = new Api(server, email, password);
        long company = api.post("/api/companies", "{\"name\":\"Kill test\",\"clientOs\":\"DEBIAN\","
                + "\"timeZone\":\"UTC\"}").json().getJsonNumber("id").longValue();
        String token = api.post("/api/companies/" + company + "/enrollment-tokens", "").json().getString("token");

        try (SlowProxy proxy = new SlowProxy(server, Duration.ofMillis(1500));
                AgentProcess agent = new AgentProcess("kill").environment("CAART_AGENT_MAX_BACKOFF_SECONDS", "3")) {
            assertEquals(0, agent.run(60, "enroll", "--server", proxy.url(), "--token", token), agent.output());
            agent.start("run");
            Wait.until(Duration.ofSeconds(60), () -> agent.output().contains("working for") ? true : null);
            long audit = api.post("/api/companies/" + company + "/audits", "{\"title\":\"Killed\","
                    + "\"allEndpoints\":true}").json().getJsonNumber("id").longValue();
            Wait.until(Duration.ofSeconds(60), () -> proxy.batchesForwarded.get() >= 1 ? true : null);

            server.kill();
            Wait.until(Duration.ofSeconds(90), () -> agent.output().contains("spooling batch") ? true : null);
            server.start();

            JsonObject done;
            try {
                done = Wait.until(Duration.ofMinutes(5), () -> {
                    JsonObject a = api.get("/api/companies/" + company + "/audits/" + audit).json();
                    return a.getString("status").equals("COMPLETED") ? a : null;
                });
            } catch (AssertionError e) {
                throw new AssertionError("audit not completed: "
                        + api.get("/api/companies/" + company + "/audits/" + audit).body() + "\nagent said:\n"
                        + agent.output(), e);
            }
            JsonObject run = done.getJsonArray("runs").getJsonObject(0);
            int planned = run.getInt("planned");
            assertTrue(planned >= 100, run.toString());
            assertEquals(planned, run.getInt("received"), "every result arrived once: " + run);
            List<String> checks = api.get("/api/companies/" + company + "/audits/" + audit + "/results?max=5000")
                    .array().getValuesAs(JsonObject.class).stream().map(r -> r.getString("checkId")).toList();
            assertEquals(planned, checks.size());
            assertEquals(planned, checks.stream().distinct().count(), "no result stored twice");
            assertTrue(agent.output().contains("ended COMPLETED"), agent.output());
        }
    }
}
