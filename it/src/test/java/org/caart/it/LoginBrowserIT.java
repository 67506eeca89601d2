package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in as people do it, in a real browser, with the page's Content-Security-Policy enforced. */
@ExtendWith(SharedServer.class)
class LoginBrowserIT {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(SharedServer.server());
    }

    @AfterEach
    void closeBrowser() {
        assertEquals(java.util.List.of(), browser.cspViolations(), "no CSP violation in the console");
        browser.close();
    }

    @Test
    void badCredentialsShowOneGenericMessage() {
        browser.open("/login.xhtml");
        browser.type("login:email", SharedServer.OPERATOR);
        browser.type("login:password", "wrong password for sure");
        browser.submit("login:submit");
        assertTrue(browser.text().contains("Invalid credentials"), browser.text());
        assertEquals("/login.xhtml", browser.path());
    }

    @Test
    void operatorSignsInSeesTheDashboardAndSystemPageThenLogsOut() {
        browser.open("/");
        assertTrue(browser.path().startsWith("/login.xhtml"), browser.path());
        browser.type("login:email", SharedServer.OPERATOR);
        browser.type("login:password", SharedServer.OPERATOR_PASSWORD);
        browser.submit("login:submit");
        assertEquals("/app/dashboard.xhtml", browser.path());
        assertTrue(browser.text().contains("Your platform"), browser.text());
        assertFalse(browser.text().contains("You do not belong to any company yet"), "the operator joins none");

        browser.open("/operator/system.xhtml");
        assertTrue(browser.text().contains("Outbox"), browser.text());
        browser.click("pipeline:probe");
        assertTrue(browser.text().contains("sent through the ingest queue"), browser.text());

        browser.submit("logout:logoutButton");
        assertTrue(browser.path().startsWith("/login.xhtml"), browser.path());
        browser.open("/app/dashboard.xhtml");
        assertTrue(browser.path().startsWith("/login.xhtml"), "logged out means logged out: " + browser.path());
    }
}
