package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An exception in the portal, in Chromium: from a failed result on the audit page to the filled-in request form,
 * the requester's own approval refused, a second member approves, and the result shows EXCEPTED with both scores
 * on the audit page and the dashboard. Screenshots of each step go to it/target/screenshots.
 */
@ExtendWith(SharedServer.class)
class ExceptionBrowserIT {

    @Test
    void aMemberRequestsAnotherApprovesAndTheResultIsExcepted() {
        Tenant t = Tenant.create("exc-browser");
        Tenant.Member approver = t.addMember("approver", "REMEDIATOR");
        FakeAgent agent = FakeAgent.enroll(t, "excweb-" + t.companyId());
        long audit = Remediating.auditWithFailures(t, "Hardening check", agent);
        Map<String, Long> failing = Remediating.failing(t, audit);
        long check0 = failing.get(agent.hostname + "/check-0");
        String expiry = LocalDate.now(Tenant.ZONE).plusDays(30).toString();
        try (Browser owner = new Browser(SharedServer.server())) {
            owner.login(t.ownerEmail(), t.password());
            owner.open("/app/audit.xhtml?company=" + t.companyId() + "&audit=" + audit);
            WebElement toggler = new WebDriverWait(owner.driver(), Duration.ofSeconds(20)).until(d -> d.findElements(
                    By.cssSelector("tr[data-rk='" + check0 + "'] .ui-row-toggler")).stream().findFirst().orElse(null));
            toggler.click();
            owner.settle();
            WebElement link = new WebDriverWait(owner.driver(), Duration.ofSeconds(20)).until(d -> d.findElements(
                    By.cssSelector("a.caart-request-exception")).stream().filter(WebElement::isDisplayed)
                    .findFirst().orElse(null));
            owner.screenshot("exception-1-failed-result");
            link.click();
            new WebDriverWait(owner.driver(), Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().contains("/app/exceptions.xhtml"));
            owner.settle();
            assertTrue(owner.textOf("draft").contains("check-0"), owner.text());
            assertEquals("check-0", owner.find("request:checkId").getAttribute("value"));
            owner.click("request:submit");
            assertTrue(owner.text().contains("A reason is required"), owner.text());
            assertTrue(owner.text().contains("An expiry date is required"), owner.text());
            owner.screenshot("exception-2-required-fields");
            owner.type("request:reason", "The vendor appliance needs the setting off until its next release");
            owner.type("request:expiresOn", expiry);
            owner.type("request:ticket", "CHG-1234");
            owner.click("request:submit");
            assertTrue(owner.textOf("messages").contains("requested"), owner.text());
            String table = owner.textOf("list:exceptions");
            assertTrue(table.contains("REQUESTED") && table.contains("check-0") && table.contains(t.ownerEmail()),
                    table);
            owner.screenshot("exception-3-requested", "list:exceptions");
            String approve = owner.driver().findElement(By.cssSelector("[id$=':approve']")).getAttribute("id");
            owner.click(approve);
            assertTrue(owner.textOf("messages").contains("You requested this exception, so another member"),
                    owner.text());
            assertTrue(owner.textOf("list:exceptions").contains("REQUESTED"), owner.text());
            owner.screenshot("exception-4-self-approval-refused", "messages");
            assertEquals(List.of(), owner.cspViolations(), "no CSP violation in the console");
        }
        try (Browser second = new Browser(SharedServer.server())) {
            second.login(approver.email(), approver.password());
            second.open("/app/exceptions.xhtml?company=" + t.companyId());
            second.type("list:note", "Accepted: compensating firewall rule in place");
            String approve = second.driver().findElement(By.cssSelector("[id$=':approve']")).getAttribute("id");
            second.click(approve);
            assertTrue(second.textOf("messages").contains("approved"), second.text());
            String table = second.textOf("list:exceptions");
            assertTrue(table.contains("APPROVED") && table.contains(approver.email()), table);
            second.driver().findElement(By.cssSelector("[id='list:exceptions'] .ui-row-toggler")).click();
            second.settle();
            String details = second.textOf("list:exceptions");
            assertTrue(details.contains("setting = off") && details.contains("compensating firewall rule")
                    && details.contains("CHG-1234"), details);
            second.screenshot("exception-5-approved", "list:exceptions");

            second.open("/app/audit.xhtml?company=" + t.companyId() + "&audit=" + audit);
            assertEquals("75%", second.textOf("score"));
            assertEquals("88%", second.textOf("scoreWithExceptions"));
            assertTrue(second.textOf("live:results").contains("EXCEPTED"), second.textOf("live:results"));
            second.screenshot("exception-6-audit-excepted", "live:summary");
            second.screenshot("exception-6b-results-excepted", "live:results");
            second.open("/app/dashboard.xhtml?company=" + t.companyId());
            assertEquals("75%", second.textOf("companyScore"));
            assertEquals("88%", second.textOf("companyScoreWithExceptions"));
            assertEquals("1", second.textOf("exceptedCount"));
            assertTrue(second.textOf("board:failing").contains("EXCEPTED"), second.textOf("board:failing"));
            second.screenshot("exception-7-dashboard");
            assertEquals(List.of(), second.cspViolations(), "no CSP violation in the console");
        }
    }
}
