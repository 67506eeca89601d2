package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Run states stay true when the real agent dies mid-run (SIGKILL) and comes back without the run (issue 16): the run
 * that hears nothing for the silent-run time ends FAILED with the reason, its results kept; a stop ends the run at
 * once instead of leaving it RUNNING with a stop request under a STOPPED audit.
 */
@ExtendWith(SharedServer.class)
class RunStatesIT {

    @AfterEach
    void realTime() {
        assertEquals(204, SharedServer.operatorApi().delete("/api/system/clock").status());
    }

    @Test
    void aRunWhoseAgentCameBackWithoutItFailsWithTheReasonAfterTheSilentTime() {
        Tenant t = Tenant.create("silent");
        try (SlowProxy proxy = new SlowProxy(SharedServer.server(), Duration.ofSeconds(3));
                AgentProcess agent = new AgentProcess("silent")) {
            long audit = killedMidRun(t, proxy, agent);
            agent.start("run");
            Wait.until(Duration.ofSeconds(60), () -> agent.output().contains("working for") ? true : null);
            JsonObject run = onlyRun(t.api().get(t.path("/audits/" + audit)).json());
            assertEquals("RUNNING", run.getString("status"), "the restarted agent does not resume: " + run);
            int received = run.getInt("received");

            moveClock(Instant.now().plus(31, ChronoUnit.MINUTES));
            JsonObject failed = onlyRun(awaitRun(t, audit, "FAILED"));
            assertTrue(failed.getString("error").contains("No results from the agent for 30 minutes"),
                    failed.toString());
            assertEquals(received, failed.getInt("received"), "the results received are kept");
            assertEquals(received, t.api().get(t.path("/audits/" + audit + "/results?max=5000")).array().size());
            assertEquals("COMPLETED", AgentApiIT.awaitStatus(t, audit, "COMPLETED").getString("status"),
                    "the audit ends with its last run");
        }
    }

    @Test
    void aStopEndsTheRunOfAnAgentThatDied() {
        Tenant t = Tenant.create("stopdead");
        try (SlowProxy proxy = new SlowProxy(SharedServer.server(), Duration.ofSeconds(3));
                AgentProcess agent = new AgentProcess("stopdead")) {
            long audit = killedMidRun(t, proxy, agent);
            assertEquals(200, t.api().post(t.path("/audits/" + audit + "/stop"), "").status());
            JsonObject stopped = t.api().get(t.path("/audits/" + audit)).json();
            assertEquals("STOPPED", stopped.getString("status"));
            JsonObject run = onlyRun(stopped);
            assertEquals("STOPPED", run.getString("status"), "no run left RUNNING under a stopped audit: " + run);
            assertTrue(run.getString("error").contains("Stopped while running"), run.toString());
            assertTrue(run.getInt("received") > 0, "the results received are kept: " + run);
            assertFalse(t.api().get(t.path("/audits?runs=true")).body().contains("\"RUNNING\""));
        }
    }

    /** Enrolls the real agent behind the proxy, starts an audit and kills the agent after its first batch. */
    private static long killedMidRun(Tenant t, SlowProxy proxy, AgentProcess agent) {
        agent.environment("CAART_AGENT_MAX_BACKOFF_SECONDS", "3");
        assertEquals(0, agent.run(60, "enroll", "--server", proxy.url(), "--token", FakeAgent.token(t)),
                agent.output());
        agent.start("run");
        Wait.until(Duration.ofSeconds(60), () -> agent.output().contains("working for") ? true : null);
        long audit = AgentApiIT.startAudit(t, "Killed agent");
        Wait.until(Duration.ofSeconds(60), () -> proxy.batchesForwarded.get() >= 1 ? true : null);
        proxy.dropBatches = true;
        agent.kill();
        awaitRun(t, audit, "RUNNING");
        return audit;
    }

    private static JsonObject awaitRun(Tenant t, long audit, String status) {
        return Wait.until(Duration.ofSeconds(60), () -> {
            JsonObject a = t.api().get(t.path("/audits/" + audit)).json();
            return onlyRun(a).getString("status").equals(status) ? a : null;
        });
    }

    private static JsonObject onlyRun(JsonObject audit) {
        assertEquals(1, audit.getJsonArray("runs").size(), audit.toString());
        return audit.getJsonArray("runs").getJsonObject(0);
    }

    private static void moveClock(Instant to) {
        assertEquals(204, SharedServer.operatorApi().put("/api/system/clock", "{\"now\":\"" + to + "\"}").status());
    }
}
