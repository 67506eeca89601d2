package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scores from the truth (issue 16): per endpoint and policy the newest completed run stands; stopped and running
 * runs are shown as such and never replace it; the company score, the failing checks and "failing since" come from
 * the standing runs; the trend has one line per policy. Each step is what the issue saw go wrong.
 */
@ExtendWith(SharedServer.class)
class ScoresIT {

    private static final String DEBIAN = "caart-debian-baseline";
    private static final String WINDOWS = "caart-windows-baseline";
    private static final Pattern FAILING_SINCE = Pattern.compile(
            "<a href=\"[^\"]*[?;]audit=(\\d+)[^\"]*\" class=\"caart-failing-since\"");

    @Test
    void stoppedAndRunningAuditsNeverReplaceTheLastCompletedRun() {
        Tenant t = Tenant.create("scores");
        FakeAgent agent = FakeAgent.enroll(t, "scored-host");

        // a completed run: checks 0..7, check-0 and check-4 fail: 6 passed, 2 failed = 75 %
        long first = audit(t, DEBIAN);
        String run = agent.nextRun();
        assertEquals(202, agent.batch(FakeAgent.newBatchId(), run, 0, 8, 0, 8, "COMPLETED").status());
        AgentApiIT.awaitStatus(t, first, "COMPLETED");
        assertDashboard(t, "75%", 2, first);

        // stopped before any result: the company score and the failing checks stay those of the completed run
        long empty = audit(t, DEBIAN);
        agent.nextRun();
        assertEquals(200, t.api().post(t.path("/audits/" + empty + "/stop"), "").status());
        AgentApiIT.awaitStatus(t, empty, "STOPPED");
        assertDashboard(t, "75%", 2, first);

        // a run under way shows progress, not a moving score
        long partial = audit(t, DEBIAN);
        String partialRun = agent.nextRun();
        assertEquals(202, agent.batch(FakeAgent.newBatchId(), partialRun, 0, 8, 1, 3, null).status());
        AgentApiIT.awaitRunStatus(t, partial, "scored-host", "RUNNING");
        String board = dashboard(t);
        assertEquals("75%", text(board, "companyScore"), "a running audit does not move the score");
        assertTrue(board.contains("in progress"), "the running audit shows it is in progress");
        assertEquals("in progress", text(auditPage(t, partial), "score"), "the audit page shows progress");

        // stopped at 4 of 8 with nothing failed: partial, shown as such, not the headline
        assertEquals(200, t.api().post(t.path("/audits/" + partial + "/stop"), "").status());
        assertEquals(202, agent.batch(FakeAgent.newBatchId(), partialRun, 1, 8, 5, 1, "STOPPED").status());
        JsonObject stopped = AgentApiIT.awaitRunStatus(t, partial, "scored-host", "STOPPED");
        JsonObject stoppedRun = AgentApiIT.run(stopped, "scored-host");
        assertEquals(4, stoppedRun.getInt("passed"), stopped.toString());
        assertTrue(!stoppedRun.containsKey("score") || stoppedRun.isNull("score"),
                "a stopped run has no score: " + stoppedRun);
        board = assertDashboard(t, "75%", 2, first);
        assertTrue(board.contains("partial (stopped)"), "the stopped audit is shown as partial");
        assertEquals("partial (stopped)", text(auditPage(t, partial), "score"));

        // completed again, same failures: they have been failing since the first audit, stopped ones in between
        long again = audit(t, DEBIAN);
        String againRun = agent.nextRun();
        assertEquals(202, agent.batch(FakeAgent.newBatchId(), againRun, 0, 8, 0, 8, "COMPLETED").status());
        AgentApiIT.awaitStatus(t, again, "COMPLETED");
        assertDashboard(t, "75%", 2, first);

        // another policy on the same endpoint: its own standing run, its own trend line
        long other = audit(t, WINDOWS);
        String otherRun = agent.nextRun();
        assertEquals(202, agent.batch(FakeAgent.newBatchId(), otherRun, 0, 3, 1, 3, "COMPLETED").status());
        AgentApiIT.awaitStatus(t, other, "COMPLETED");
        board = assertDashboard(t, "88%", 2, first);
        List<String> lines = all(board, Pattern.compile("<th scope=\"col\" class=\"caart-trend-policy\">([^<]+)</th>"));
        assertEquals(2, lines.size(), "one trend line per policy: " + lines);
        assertFalse(lines.get(0).equals(lines.get(1)), lines.toString());
        List<String> data = all(board, Pattern.compile("\"label\":\"[^\"]+\",\"data\":\\[([^\\]]*)\\]"));
        assertEquals(2, data.size(), "a chart line per policy: " + data);
        assertEquals(List.of(1L, 2L), data.stream().map(d -> java.util.Arrays.stream(d.split(","))
                        .filter(v -> !v.equals("null")).count()).sorted().toList(),
                "the Windows line has its one audit, the Debian line its two completed audits only");
    }

    private static long audit(Tenant t, String policy) {
        Api.Reply reply = t.api().post(t.path("/audits"), "{\"title\":\"Scored " + policy
                + "\",\"allEndpoints\":true,\"policy\":\"" + policy + "\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    /** Waits for the dashboard to settle on the score, then checks the failing checks and where they began. */
    private static String assertDashboard(Tenant t, String score, int failing, long since) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String board = dashboard(t);
        while (!score.equals(text(board, "companyScore")) && System.nanoTime() < until) {
            pause();
            board = dashboard(t);
        }
        assertEquals(score, text(board, "companyScore"), "the company score");
        assertEquals(String.valueOf(failing), text(board, "failingCount"), board);
        assertFalse(board.contains("Nothing failing"), "failing checks are listed");
        List<String> audits = all(board, FAILING_SINCE);
        assertEquals(failing, audits.size(), "a 'failing since' link per failing check");
        assertTrue(audits.stream().allMatch(a -> a.equals(String.valueOf(since))),
                "failing since audit " + since + ": " + audits);
        return board;
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String auditPage(Tenant t, long audit) {
        return t.portal().get("/app/audit.xhtml?company=" + t.companyId() + "&audit=" + audit).body();
    }

    private static String dashboard(Tenant t) {
        return t.portal().get("/app/dashboard.xhtml?company=" + t.companyId()).body();
    }

    private static String text(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(page);
        return m.find() ? m.group(1).trim() : "(no " + id + ")";
    }

    private static List<String> all(String page, Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(page);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
