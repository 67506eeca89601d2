package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The patch board as a security officer uses it, in Chromium: the requirement document's two firewalls typed in,
 * the check run now, one current and one overdue; a CSV import with a bad line; a device's history.
 */
@ExtendWith(SharedServer.class)
class PatchBrowserIT {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(SharedServer.server());
    }

    @AfterEach
    void closeBrowser() {
        assertEquals(List.of(), browser.cspViolations(), "no CSP violation in the console");
        browser.close();
    }

    @Test
    void twoFirewallsOneCurrentOneOverdue() throws IOException {
        Tenant t = Tenant.create("patch-board");
        LocalDate today = LocalDate.now(Tenant.ZONE); // the company's today (an hour ahead of UTC before midnight)
        browser.login(t.ownerEmail(), t.password());
        browser.open("/app/patches.xhtml?company=" + t.companyId());

        browser.click("add:addDevice");
        assertTrue(browser.text().contains("A device name has 1 to 120 characters"), browser.text());
        addFirewall("firewall 1", today.minusDays(7));
        addFirewall("firewall 2", today.minusDays(68));
        browser.type("add:name", "firewall 3");
        browser.choose("add:type", "Firewall");
        browser.type("add:lastPatchDate", today.plusDays(5).toString());
        browser.click("add:addDevice");
        assertTrue(browser.text().contains("A patch date cannot lie in the future"), browser.text());

        browser.click("checks:runCheck");
        Wait.until(Duration.ofSeconds(20), () -> browser.text().contains("1 overdue") ? true : null);
        browser.open("/app/patches.xhtml?company=" + t.companyId());
        assertEquals("OVERDUE", statusOf("firewall 2"));
        assertEquals("CURRENT", statusOf("firewall 1"));
        assertEquals("1", browser.textOf("countOverdue"));
        assertTrue(rowOf("firewall 2").getText().contains("38 days overdue"), rowOf("firewall 2").getText());
        assertTrue(rowOf("firewall 1").getText().contains("23 days left"), rowOf("firewall 1").getText());
        assertTrue(browser.find("checks:runs").getText().contains("MANUAL"), browser.find("checks:runs").getText());

        Path csv = Files.createTempFile("devices", ".csv");
        Files.writeString(csv, "name,type,criticality,responsible,last_patch_date\n"
                + "core router,router,critical,Network team," + today.minusDays(10) + "\n"
                + "old switch,switch,low,,13/01/2025\n");
        browser.find("import:file").sendKeys(csv.toString());
        browser.submit("import:importCsv");
        assertEquals("1", browser.textOf("importCreated"));
        assertEquals("1", browser.textOf("importRefused"));
        assertTrue(browser.text().contains("line 3") && browser.text().contains("13/01/2025"), browser.text());
        assertEquals("CURRENT", statusOf("core router"));

        rowOf("firewall 2").findElement(By.linkText("firewall 2")).click();
        browser.settle();
        assertTrue(browser.path().startsWith("/app/device.xhtml?company=" + t.companyId()), browser.path());
        browser.type("edit:lastPatchDate", today.minusDays(1).toString());
        browser.click("edit:save");
        try {
            Wait.until(Duration.ofSeconds(20), () -> browser.text().contains("Saved firewall 2") ? true : null);
        } catch (AssertionError e) {
            Files.writeString(Path.of("/tmp/device-page.html"), browser.driver().getPageSource());
            throw e;
        }
        String history = browser.find("dates").getText();
        assertTrue(history.contains(today.minusDays(1).toString()) && history.contains(today.minusDays(68).toString()),
                history + "\n" + browser.text());
        browser.open("/app/patches.xhtml?company=" + t.companyId());
        assertEquals("CURRENT", statusOf("firewall 2"));
    }

    private void addFirewall(String name, LocalDate patched) {
        browser.type("add:name", name);
        browser.choose("add:type", "Firewall");
        browser.choose("add:criticality", "High");
        browser.type("add:responsible", "Network team");
        browser.type("add:lastPatchDate", patched.toString());
        browser.click("add:addDevice");
        Wait.until(Duration.ofSeconds(20), () -> rowOf(name) != null ? true : null);
    }

    private WebElement rowOf(String name) {
        return browser.driver().findElements(By.cssSelector("[id='board:devices'] tbody tr")).stream()
                .filter(r -> r.findElements(By.linkText(name)).size() == 1).findFirst().orElse(null);
    }

    private String statusOf(String name) {
        WebElement row = rowOf(name);
        assertTrue(row != null, name + " on the board: " + browser.text());
        return row.findElement(By.cssSelector("[id$=':status']")).getText();
    }
}
