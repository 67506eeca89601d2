package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real agent process against the real server: enroll with a token from the portal's API, take an audit of
 * this machine with the built-in Debian baseline, and find every result in the server and on the audit page.
 */
@ExtendWith(SharedServer.class)
class AgentEndToEndIT {

    @Test
    void anEnrolledAgentAuditsThisHostAndEveryResultArrives() {
        Tenant t = Tenant.create("e2e");
        try (AgentProcess agent = new AgentProcess("e2e")) {
            String server = SharedServer.server().url("");
            assertEquals(0, agent.run(60, "enroll", "--server", server, "--token", FakeAgent.token(t)),
                    agent.output());
            assertTrue(agent.output().contains("Enrolled as"), agent.output());
            assertEquals(5, new AgentProcess("e2e-reuse").run(60, "enroll", "--server", server, "--token",
                    "A".repeat(43)), "an unknown token is refused");

            long audit = AgentApiIT.startAudit(t, "This host");
            assertEquals(0, agent.run(300, "run", "--once"), agent.output());
            JsonObject done = AgentApiIT.awaitStatus(t, audit, "COMPLETED");
            JsonObject run = done.getJsonArray("runs").getJsonObject(0);
            assertEquals("caart-debian-baseline", run.getString("policyId"));
            int planned = run.getInt("planned");
            assertTrue(planned >= 100, "the Debian baseline has over 100 checks: " + run);
            assertEquals(planned, run.getInt("received"), run.toString());
            List<JsonObject> results = t.api().get(t.path("/audits/" + audit + "/results?max=5000")).array()
                    .getValuesAs(JsonObject.class);
            assertEquals(planned, results.size());
            assertEquals(planned, results.stream().map(r -> r.getString("checkId")).distinct().count());
            assertEquals(run.getInt("passed") + run.getInt("failed") + run.getInt("notApplicable")
                    + run.getInt("errors") + run.getInt("notRun"), planned);

            JsonObject endpoint = t.api().get(t.path("/endpoints")).array().getJsonObject(0);
            assertEquals("LINUX", endpoint.getString("osFamily"));
            assertEquals("ACTIVE", endpoint.getString("status"));

            try (Browser browser = new Browser(SharedServer.server())) {
                browser.login(t.ownerEmail(), t.password());
                browser.open("/app/audit.xhtml?company=" + t.companyId() + "&audit=" + audit);
                assertEquals("COMPLETED", browser.textOf("auditStatus"));
                assertEquals(planned + "/" + planned, browser.textOf("progress"));
                assertTrue(browser.textOf("live:results").contains(planned + " result(s)"),
                        browser.textOf("live:results"));
                String firstTitle = results.stream().map(r -> r.getString("title")).sorted().findFirst().orElseThrow();
                browser.type("live:text", firstTitle);
                browser.click("live:filter");
                assertTrue(browser.textOf("live:results").contains(firstTitle));
                browser.open("/app/dashboard.xhtml?company=" + t.companyId());
                assertTrue(browser.text().contains("This host"), browser.text());
                assertTrue(browser.text().contains(endpoint.getString("hostname")), browser.text());
                assertEquals(List.of(), browser.cspViolations());
            }
        }
    }

    @Test
    void theOwnerWatchesAnAuditLiveAndStopsIt() {
        Tenant t = Tenant.create("live");
        FakeAgent agent = FakeAgent.enroll(t, "live-host");
        long audit = AgentApiIT.startAudit(t, "Live");
        try (Browser browser = new Browser(SharedServer.server())) {
            browser.login(t.ownerEmail(), t.password());
            browser.open("/app/audit.xhtml?company=" + t.companyId() + "&audit=" + audit);
            assertEquals("PENDING", browser.textOf("auditStatus"));
            String run = agent.nextRun();
            assertEquals(202, agent.batch(FakeAgent.newBatchId(), run, 0, 40, 0, 10, null).status());
            Wait.until(Duration.ofSeconds(20), () -> browser.textOf("progress").equals("10/40")
                    ? true : null);
            assertEquals(202, agent.batch(FakeAgent.newBatchId(), run, 1, 40, 10, 10, null).status());
            Wait.until(Duration.ofSeconds(20), () -> browser.textOf("progress").equals("20/40")
                    ? true : null);
            browser.click("live:stop");
            assertEquals("STOPPED", browser.textOf("auditStatus"));
            assertTrue(agent.batch(FakeAgent.newBatchId(), run, 2, 40, 20, 0, "STOPPED").json()
                    .getBoolean("stopRequested"));
            Set<String> statuses = AgentApiIT.awaitRunStatus(t, audit, "live-host", "STOPPED").getJsonArray("runs")
                    .stream().map(r -> r.asJsonObject().getString("status")).collect(Collectors.toSet());
            assertEquals(Set.of("STOPPED"), statuses);
            assertEquals(20, t.api().get(t.path("/audits/" + audit + "/results")).array().size(),
                    "the results before the stop are kept");
            assertEquals(List.of(), browser.cspViolations());
        }
        assertTrue(t.api().get(t.path("/audits")).array().stream().map(JsonValue::asJsonObject)
                .anyMatch(a -> a.getString("status").equals("STOPPED")));
    }
    /**
     * A person keeps a finished audit open in one tab and works in another: the session keeps 15 pages, so the
     * audit's view is gone when they come back. Filtering there loads the page again with what is current and says
     * so, instead of an error page telling a signed-in person to sign in again (or, for a live page, a poll that fails
     * silently from then on).
     */
    @Test
    void anAuditLeftOpenWhileManyOtherPagesAreOpenedLoadsAgainWhenUsed() {
        Tenant t = Tenant.create("left-open");
        FakeAgent agent = FakeAgent.enroll(t, "left-open-host");
        long audit = AgentApiIT.startAudit(t, "Left open");
        String run = agent.nextRun();
        assertEquals(202, agent.batch(FakeAgent.newBatchId(), run, 0, 20, 0, 20, "COMPLETED").status());
        AgentApiIT.awaitStatus(t, audit, "COMPLETED");
        String auditPage = "/app/audit.xhtml?company=" + t.companyId() + "&audit=" + audit;
        try (Browser browser = new Browser(SharedServer.server())) {
            browser.login(t.ownerEmail(), t.password());
            browser.open(auditPage);
            assertEquals("COMPLETED", browser.textOf("auditStatus"));
            String first = browser.driver().getWindowHandle();
            browser.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            for (int i = 0; i < 20; i++) {
                browser.open(i % 2 == 0 ? "/app/dashboard.xhtml" : "/app/audits.xhtml");
            }
            browser.driver().close();
            browser.driver().switchTo().window(first);

            browser.type("live:text", "Check number 4");
            String before = browser.driver().getCurrentUrl();
            browser.clickAndAwaitReload("live:filter");
            browser.screenshot("audit-expired-view-loaded-again");
            assertEquals(before, browser.driver().getCurrentUrl(), "the same audit, not an error page");
            assertTrue(browser.text().contains("This page had been open a long time and was loaded again with what "
                    + "is current. Nothing was changed"), browser.text());
            assertEquals("COMPLETED", browser.textOf("auditStatus"));
            assertEquals("20/20", browser.textOf("progress"));

            browser.type("live:text", "Check number 4");
            browser.click("live:filter");
            Wait.until(Duration.ofSeconds(20), () -> browser.textOf("live:results:resultCount").startsWith("1 result")
                    ? true : null);
            assertEquals(List.of(), browser.cspViolations());
        }
    }
}
