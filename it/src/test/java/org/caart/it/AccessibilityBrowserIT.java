package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Every portal page as an owner, a viewer and the platform operator see it, in Chromium 1440 and 800 pixels wide:
 * axe-core finds no serious or critical violation, nothing sticks out of the window sideways (a table too wide
 * scrolls inside its card), no badge or button is cut, and in the narrow window the menu folds behind its button.
 * The keyboard reaches the skip link first and then every menu item, and the page shown is the menu's current
 * item. Screenshots of each page and width go to it/target/screenshots/a11y-*.png.
 */
@ExtendWith(SharedServer.class)
class AccessibilityBrowserIT {

    static final int WIDE = 1440;
    static final int NARROW = 800;

    private static Tenant t;
    private static Tenant.Member viewer;
    private static long audit;
    private static long remediation;
    private static long device;
    private static long endpoint;

    /** A company with an endpoint, a completed audit with failures, a remediation, a device and a viewer. */
    @BeforeAll
    static void company() {
        t = Tenant.create("a11y");
        viewer = t.addMember("viewer", "VIEWER");
        FakeAgent agent = FakeAgent.enroll(t, "a11y-web-" + t.companyId());
        audit = Remediating.auditWithFailures(t, "Accessibility check", agent);
        endpoint = AgentApiIT.endpointId(t, agent.hostname);
        remediation = Remediating.order(t.api(), t, List.copyOf(Remediating.failing(t, audit).values())).json()
                .getJsonNumber("id").longValue();
        Api.Reply created = t.api().post(t.path("/devices"), PatchIT.device("edge-firewall-01", "FIREWALL",
                LocalDate.now(Tenant.ZONE).minusDays(90).toString()));
        assertEquals(201, created.status(), created.body());
        device = created.json().getJsonNumber("id").longValue();
    }

    /** The pages of the company with the id of the menu item that leads to each (null: under another item). */
    private static Map<String, String> companyPages() {
        String c = "?company=" + t.companyId();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/app/dashboard.xhtml" + c, "nav:dashboard");
        pages.put("/app/audits.xhtml" + c, "nav:audits");
        pages.put("/app/audit.xhtml" + c + "&audit=" + audit, "nav:audits");
        pages.put("/app/compare.xhtml" + c + "&to=" + audit, "nav:audits");
        pages.put("/app/exceptions.xhtml" + c, "nav:exceptions");
        pages.put("/app/policies.xhtml" + c, "nav:policies");
        pages.put("/app/remediations.xhtml" + c, "nav:remediations");
        pages.put("/app/remediation.xhtml" + c + "&remediation=" + remediation, "nav:remediations");
        pages.put("/app/endpoints.xhtml" + c, "nav:endpoints");
        pages.put("/app/endpoint.xhtml" + c + "&endpoint=" + endpoint, "nav:endpoints");
        pages.put("/app/patches.xhtml" + c, "nav:patches");
        pages.put("/app/device.xhtml" + c + "&device=" + device, "nav:patches");
        pages.put("/app/company.xhtml" + c, "nav:company");
        pages.put("/app/patch-settings.xhtml" + c, "nav:patchSettings");
        pages.put("/app/members.xhtml" + c, "nav:members");
        pages.put("/app/trail.xhtml" + c, "nav:trail");
        pages.put("/app/feed.xhtml" + c, "nav:feed");
        pages.put("/app/companies.xhtml", "nav:companies");
        pages.put("/app/profile.xhtml", "nav:profile");
        pages.put("/change-password.xhtml", "nav:password");
        return pages;
    }

    @Test
    void theOwnerSeesEveryPageWithoutSeriousViolations() {
        try (Browser browser = new Browser(SharedServer.server())) {
            browser.login(t.ownerEmail(), t.password());
            sweep(browser, "owner", companyPages());
        }
    }

    @Test
    void aViewerSeesTheirPagesWithoutSeriousViolations() {
        Map<String, String> pages = companyPages();
        // pages a viewer's menu does not offer
        pages.keySet().removeIf(p -> p.startsWith("/app/policies") || p.startsWith("/app/patch-settings")
                || p.startsWith("/app/members") || p.startsWith("/app/trail") || p.startsWith("/app/feed"));
        try (Browser browser = new Browser(SharedServer.server())) {
            browser.login(viewer.email(), viewer.password());
            sweep(browser, "viewer", pages);
            for (String hidden : List.of("nav:policies", "nav:patchSettings", "nav:members", "nav:trail",
                    "nav:feed")) {
                assertTrue(browser.driver().findElements(By.id(hidden)).isEmpty(), hidden + " is not offered");
            }
        }
    }

    @Test
    void theOperatorSeesTheirPagesWithoutSeriousViolations() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/app/dashboard.xhtml", "nav:dashboard");
        pages.put("/operator/companies.xhtml", "nav:platformCompanies");
        pages.put("/operator/system.xhtml", "nav:system");
        pages.put("/app/profile.xhtml", "nav:profile");
        pages.put("/change-password.xhtml", "nav:password");
        try (Browser browser = new Browser(SharedServer.server())) {
            browser.login(SharedServer.OPERATOR, SharedServer.OPERATOR_PASSWORD);
            sweep(browser, "operator", pages);
        }
    }

    @Test
    void pagesBeforeSignInHaveNoSeriousViolations() {
        try (Browser browser = new Browser(SharedServer.server())) {
            List<String> found = new ArrayList<>();
            for (String page : List.of("/login.xhtml", "/signup.xhtml")) {
                for (int width : List.of(WIDE, NARROW)) {
                    browser.width(width);
                    browser.open(page);
                    String name = "a11y-anonymous-" + page.replaceAll("\\W+", "-").replaceAll("^-|-xhtml$", "")
                            + "-" + width;
                    browser.screenshot(name);
                    found.addAll(browser.axe().stream().map(v -> name + ": " + v).toList());
                    found.addAll(layoutProblems(browser, name));
                }
            }
            assertEquals(List.of(), found);
            assertEquals(List.of(), browser.cspViolations(), "no CSP violation in the console");

            // the check itself sees a violation: a field without a label put into the page
            ((JavascriptExecutor) browser.driver()).executeScript("var f = document.createElement('input');"
                    + "f.type = 'text'; document.querySelector('main').appendChild(f);");
            List<String> seen = browser.axe();
            assertTrue(seen.stream().anyMatch(v -> v.startsWith("label (critical)")), seen.toString());
        }
    }

    @Test
    void theKeyboardReachesTheSkipLinkAndEveryMenuItem() {
        try (Browser browser = new Browser(SharedServer.server())) {
            browser.login(t.ownerEmail(), t.password());
            browser.width(WIDE);
            browser.open("/app/audits.xhtml?company=" + t.companyId());
            WebElement body = browser.driver().findElement(By.tagName("body"));
            body.sendKeys(Keys.TAB);
            WebElement skip = browser.driver().switchTo().activeElement();
            assertEquals("Skip to main content", skip.getText());
            browser.screenshot("a11y-keyboard-skip-link");
            skip.sendKeys(Keys.ENTER);
            assertEquals("content", browser.driver().switchTo().activeElement().getAttribute("id"),
                    "the skip link moves the focus to the page's content");

            browser.open("/app/audits.xhtml?company=" + t.companyId());
            Set<String> reached = new LinkedHashSet<>();
            WebElement focused = browser.driver().findElement(By.tagName("body"));
            for (int i = 0; i < 40; i++) {
                focused.sendKeys(Keys.TAB);
                focused = browser.driver().switchTo().activeElement();
                reached.add(focused.getAttribute("id"));
            }
            List<String> menu = browser.driver().findElements(By.cssSelector("#navigation a")).stream()
                    .map(e -> e.getAttribute("id")).toList();
            assertTrue(menu.size() >= 12, "the owner's menu: " + menu);
            assertTrue(reached.containsAll(menu), "Tab reaches every menu item; reached " + reached);
            assertEquals("page", browser.find("nav:audits").getAttribute("aria-current"));
            assertEquals("false", browser.find("nav:dashboard").getAttribute("aria-current"));

            browser.width(NARROW);
            browser.open("/app/audits.xhtml?company=" + t.companyId());
            assertFalse(browser.driver().findElement(By.id("navigation")).isDisplayed(), "the menu is folded");
            WebElement toggle = browser.find("navToggle");
            assertEquals("false", toggle.getAttribute("aria-expanded"));
            toggle.sendKeys(Keys.ENTER);
            assertEquals("true", toggle.getAttribute("aria-expanded"));
            assertTrue(browser.find("nav:members").isDisplayed(), "the menu opens with the keyboard");
            browser.screenshot("a11y-narrow-menu-open");
            assertEquals(List.of(), browser.cspViolations(), "no CSP violation in the console");
        }
    }

    /** Opens each page at both widths, runs axe and the layout checks, and asserts nothing was found. */
    private static void sweep(Browser browser, String who, Map<String, String> pages) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            for (int width : List.of(WIDE, NARROW)) {
                browser.width(width);
                browser.open(page.getKey());
                String name = "a11y-" + who + "-" + page.getKey().replaceAll("\\?.*", "")
                        .replaceAll("\\W+", "-").replaceAll("^-|-xhtml$", "") + "-" + width;
                assertFalse(browser.text().contains("Not found") || browser.path().startsWith("/login"),
                        name + " opened: " + browser.path());
                browser.screenshot(name);
                found.addAll(browser.axe().stream().map(v -> name + ": " + v).toList());
                found.addAll(layoutProblems(browser, name));
                String current = page.getValue();
                if (width == WIDE) {
                    String mark = browser.driver().findElement(By.id(current)).getAttribute("aria-current");
                    if (!List.of("page", "true").contains(mark)) {
                        found.add(name + ": menu item " + current + " is not marked current (" + mark + ")");
                    }
                } else if (browser.driver().findElement(By.id("navigation")).isDisplayed()) {
                    found.add(name + ": the menu is not folded at " + width + " px");
                }
            }
        }
        assertEquals(List.of(), found);
        assertEquals(List.of(), browser.cspViolations(), "no CSP violation in the console");
    }

    /**
     * What sticks out: the page wider than the window, and badges, buttons or menu items whose text is cut
     * (wider than their box while hiding the overflow).
     */
    private static List<String> layoutProblems(Browser browser, String name) {
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
                var found = [];
                var doc = document.documentElement;
                if (doc.scrollWidth > doc.clientWidth + 1) {
                  found.push('the page is ' + doc.scrollWidth + ' px wide in a ' + doc.clientWidth + ' px window');
                }
                document.querySelectorAll('.caart-status, .ui-button, .caart-menu a, .ui-selectonemenu-label')
                  .forEach(function (e) {
                    if (e.offsetParent === null) { return; }
                    var style = getComputedStyle(e);
                    var text = (e.innerText || '').trim();
                    if (text && e.scrollWidth > e.clientWidth + 1 && style.overflowX !== 'visible') {
                      found.push('cut: "' + text + '" (' + e.scrollWidth + ' px in ' + e.clientWidth + ' px)');
                    }
                  });
                document.querySelectorAll('.caart-card').forEach(function (card) {
                  var box = card.getBoundingClientRect();
                  if (box.right > doc.clientWidth + 1) {
                    found.push('a card ends at ' + Math.round(box.right) + ' px, past the window');
                  }
                });
                return found;""");
        return problems.stream().map(p -> name + ": " + p).toList();
    }
}
