package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Fixing failing checks in the portal, in Chromium, with a fake agent answering the orders: tick failing checks on
 * the audit page, see the plan (observed value, value to set, flags, the manual item with its text), the requester's
 * own approval refused, a second member approves, the item turns FIXED with its before and after values, one click
 * rolls it back. Screenshots of each step go to it/target/screenshots.
 */
@ExtendWith(SharedServer.class)
class RemediationBrowserIT {

    @Test
    void aRemediatorPlansASecondMemberApprovesAndTheFixIsRolledBack() {
        Tenant t = Tenant.create("remedy-browser");
        Tenant.Member fixer = t.addMember("fixer", "REMEDIATOR");
        FakeAgent agent = FakeAgent.enroll(t, "web-" + t.companyId());
        long audit = Remediating.auditWithFailures(t, "Hardening check", agent);
        Map<String, Long> failing = Remediating.failing(t, audit);
        long remediation;
        try (Browser owner = new Browser(SharedServer.server())) {
            owner.login(t.ownerEmail(), t.password());
            owner.open("/app/audit.xhtml?company=" + t.companyId() + "&audit=" + audit);
            failing.values().forEach(id -> tick(owner, id));
            owner.screenshot("remediation-1-audit-ticked");
            owner.submitAjax("live:planSelected");
            assertTrue(owner.path().startsWith("/app/remediation.xhtml"), owner.path());
            remediation = Long.parseLong(owner.path().replaceAll(".*remediation=(\\d+).*", "$1"));
            assertEquals("PLANNING", owner.textOf("remediationStatus"));

            JsonObject plan = agent.remediationOrders().getJsonObject(0);
            assertEquals(202, agent.remediationReport(Remediating.report(plan, 1, true, true, null, List.of(
                    Remediating.item(Remediating.ordered(plan, "check-0"), "PLANNED", "SSHD_SETTING",
                            "PermitRootLogin yes", "PermitRootLogin no", null, null, null,
                            List.of("RESTARTS_SERVICE", "REMOTE_ACCESS"), null),
                    Remediating.item(Remediating.ordered(plan, "check-4"), "MANUAL", "MANUAL", "setting = off",
                            null, null, null, "no fix in the catalog", List.of(),
                            "Turn the setting on in the vendor console"))))
                    .status());
            owner.waitForText("remediationStatus", "PLANNED");
            String table = owner.textOf("live:items");
            assertTrue(table.contains("PermitRootLogin yes") && table.contains("PermitRootLogin no"), table);
            assertTrue(table.contains("restarts service, remote access"), table);
            assertTrue(table.contains("By hand: Turn the setting on in the vendor console"), table);
            owner.screenshot("remediation-2-plan", "live:items");

            owner.click("live:approve");
            assertTrue(owner.textOf("messages").contains("another member"), owner.text());
            assertEquals("PLANNED", owner.textOf("remediationStatus"));
            owner.screenshot("remediation-3-self-approval-refused");
        }
        try (Browser second = new Browser(SharedServer.server())) {
            second.login(fixer.email(), fixer.password());
            second.open("/app/remediations.xhtml?company=" + t.companyId());
            assertTrue(second.textOf("remediations").contains("PLANNED"), second.text());
            second.open("/app/remediation.xhtml?company=" + t.companyId() + "&remediation=" + remediation);
            second.click("live:approve");
            assertEquals("APPLYING", second.textOf("remediationStatus"));

            JsonObject apply = agent.remediationOrders().getJsonObject(0);
            JsonObject item = Remediating.ordered(apply, "check-0");
            assertEquals(202, agent.remediationReport(Remediating.report(apply, 1, true, true, null, List.of(
                    Remediating.item(item, "FIXED", "SSHD_SETTING", "PermitRootLogin yes", "PermitRootLogin no",
                            "PermitRootLogin yes (sshd_config line 32)", "PermitRootLogin no", "re-check passed",
                            List.of(), null)))).status());
            second.waitForText("remediationStatus", "DONE");
            String fixed = second.textOf("live:items");
            assertTrue(fixed.contains("FIXED") && fixed.contains("PermitRootLogin yes (sshd_config line 32)"), fixed);
            second.screenshot("remediation-4-fixed", "live:hosts");

            // the next audit finds the check passing: its page shows it FIXED, as the reports do, with the fix
            long after = AgentApiIT.startAudit(t, "After the fix");
            JsonObject batch = FakeAgent.batchJson(FakeAgent.newBatchId(), agent.nextRun(), 0, 8, 0, 8, "COMPLETED");
            JsonObject check0 = Json.createObjectBuilder(batch.getJsonArray("results").getJsonObject(0))
                    .add("status", "PASSED").add("observed", "PermitRootLogin no").build();
            JsonObject fixedBatch = Json.createObjectBuilder(batch).add("results",
                    Json.createArrayBuilder(batch.getJsonArray("results")).set(0, check0)).build();
            assertEquals(202, agent.post(fixedBatch.toString()).status());
            AgentApiIT.awaitStatus(t, after, "COMPLETED");
            String afterPage = "/app/audit.xhtml?company=" + t.companyId() + "&audit=" + after;
            second.open(afterPage);
            assertEquals("FIXED", statusOf(second, "check-0"));
            assertEquals("PASSED", statusOf(second, "check-1"), "a check no remediation touched passes plainly");
            assertEquals("FAILED", statusOf(second, "check-4"));
            assertEquals("7", second.textOf("passed"), "a fixed check counts as passed");
            second.driver().findElement(By.xpath(row("check-0") + "//*[contains(@class,'ui-row-toggler')]")).click();
            Wait.until(Duration.ofSeconds(10), () -> second.driver().findElements(By.cssSelector("[id$=':fixedBy']"))
                    .isEmpty() ? null : true);
            WebElement fixedBy = second.driver().findElement(By.cssSelector("[id$=':fixedBy']"));
            assertEquals("Remediation #" + remediation, fixedBy.getText());
            assertTrue(fixedBy.findElement(By.xpath("..")).getText().contains("approved by " + fixer.email()),
                    fixedBy.findElement(By.xpath("..")).getText());
            second.screenshot("remediation-4b-fixed-on-the-next-audit", "live:results");
            second.open("/app/remediation.xhtml?company=" + t.companyId() + "&remediation=" + remediation);

            String rollbackButton = second.driver().findElement(By.cssSelector("[id$=':rollbackItem']"))
                    .getAttribute("id");
            second.click(rollbackButton);
            assertEquals("ROLLING_BACK", second.textOf("remediationStatus"));
            JsonObject rollback = agent.remediationOrders().getJsonObject(0);
            assertEquals(apply.getString("orderId"), rollback.getString("rollbackOf"));
            assertEquals(202, agent.remediationReport(Remediating.report(rollback, 1, true, true, null, List.of(
                    Remediating.item(Remediating.ordered(rollback, "check-0"), "ROLLED_BACK", "SSHD_SETTING",
                            "PermitRootLogin no", null, "PermitRootLogin yes (sshd_config line 32)",
                            "PermitRootLogin yes", "the before value is back", List.of(), null)))).status());
            second.waitForText("remediationStatus", "DONE");
            assertTrue(second.textOf("live:items").contains("ROLLED_BACK"), second.textOf("live:items"));
            second.screenshot("remediation-5-rolled-back", "live:hosts");
            second.open(afterPage);
            assertEquals("FIXED", statusOf(second, "check-0"), "that audit ran while the fix was in place");
            assertEquals(List.of(), second.cspViolations(), "no CSP violation in the console");
        }
        JsonObject stored = t.api().get(t.path("/remediations/" + remediation)).json();
        assertTrue(stored.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(i -> i.getString("state").equals("ROLLED_BACK")), stored.toString());
    }

    @Test
    void aHostThatDoesNotAllowRemediationShowsItsItemsRefused() {
        Tenant t = Tenant.create("refused-browser");
        Tenant.Member fixer = t.addMember("fixer", "REMEDIATOR");
        FakeAgent agent = FakeAgent.enroll(t, "locked-" + t.companyId());
        long audit = Remediating.auditWithFailures(t, "Locked host", agent);
        long id = Remediating.order(t.api(), t, List.copyOf(Remediating.failing(t, audit).values())).json()
                .getJsonNumber("id").longValue();
        JsonObject plan = agent.remediationOrders().getJsonObject(0);
        assertEquals(202, agent.remediationReport(Remediating.report(plan, 1, true, false, null,
                plan.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(i -> Remediating.item(i,
                        "PLANNED", "SYSCTL", "0", "1", null, null, null, List.of(), null)).toList())).status());
        Remediating.awaitStatus(t.api(), t, id, "PLANNED");
        try (Browser browser = new Browser(SharedServer.server())) {
            browser.login(fixer.email(), fixer.password());
            browser.open("/app/remediation.xhtml?company=" + t.companyId() + "&remediation=" + id);
            browser.click("live:approve");
            JsonObject apply = agent.remediationOrders().getJsonObject(0);
            String refusal = "this host does not allow remediation: set allow-remediation=true in the agent's "
                    + "agent.properties (or enroll with --allow-remediation)";
            assertEquals(202, agent.remediationReport(Remediating.report(apply, 1, true, false, refusal,
                    apply.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(i -> Remediating.item(i,
                            "REFUSED", null, null, null, null, null, refusal, List.of(), null)).toList())).status());
            browser.waitForText("remediationStatus", "DONE");
            assertTrue(browser.textOf("live:items").contains("REFUSED"), browser.textOf("live:items"));
            assertTrue(browser.textOf("live:summary").contains("APPLY on " + agent.hostname + ": " + refusal),
                    browser.textOf("live:summary"));
            browser.screenshot("remediation-6-refused");
            assertEquals(List.of(), browser.cspViolations(), "no CSP violation in the console");
        }
    }

    /** Ticks the result's row in the audit's results table. */
    private static void tick(Browser browser, long resultId) {
        var box = new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.findElements(
                By.cssSelector("tr[data-rk='" + resultId + "'] .ui-chkbox-box")).stream().findFirst().orElse(null));
        box.click();
        browser.settle();
    }

    private static String row(String checkId) {
        return "//tbody[@id='live:results_data']/tr[td[normalize-space()='" + checkId + "']]";
    }

    private static String statusOf(Browser browser, String checkId) {
        return browser.driver().findElement(By.xpath(row(checkId) + "//span[contains(@class,'caart-status')]"))
                .getText();
    }
}
