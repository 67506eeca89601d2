package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** Companies, invitations, roles and the profile as people use them: in Chromium, with no CSP violation. */
@ExtendWith(SharedServer.class)
class CompanyBrowserIT {

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
    void aUserCreatesACompanyAndBecomesItsOwner() {
        String email = "founder-" + UUID.randomUUID().toString().substring(0, 8) + "@caart.test";
        String password = SharedServer.randomPassword();
        PortalClient.signUp(SharedServer.server(), email, password);
        browser.login(email, password);
        browser.open("/app/companies.xhtml");
        browser.submit("create:submit");
        assertTrue(browser.text().contains("Enter the company's name"), browser.text());
        assertTrue(browser.text().contains("Choose the client operating system"), browser.text());

        String name = "Clinic " + UUID.randomUUID().toString().substring(0, 6);
        browser.type("create:name", name);
        browser.type("create:postalAddress", "Hauptstrasse 1\n10115 Berlin");
        browser.choose("create:clientOs", "Windows Server 2022");
        browser.choose("create:timeZone", "Europe/Berlin");
        browser.submit("create:submit");
        assertTrue(browser.path().startsWith("/app/company.xhtml?company="), browser.path());
        assertTrue(browser.text().contains("you are its owner"), browser.text());
        assertEquals(name, browser.find("settings:name").getAttribute("value"));
        // the settings form saves (its id must not be "company", the page's view parameter)
        browser.type("settings:name", name + " renamed");
        browser.click("settings:save");
        browser.open(browser.path());
        assertEquals(name + " renamed", browser.find("settings:name").getAttribute("value"));
        name = name + " renamed";
        browser.open("/app/companies.xhtml");
        assertTrue(browser.text().contains(name + "\nOWNER") || browser.text().contains(name + " OWNER"),
                browser.text());
    }

    @Test
    void theHeaderSwitchesBetweenMyCompanies() {
        Tenant first = Tenant.create("switch-one");
        String secondName = "Second " + UUID.randomUUID().toString().substring(0, 6);
        Api.Reply second = first.api().post("/api/companies", "{\"name\":\"" + secondName
                + "\",\"clientOs\":\"UBUNTU\",\"timeZone\":\"America/Chicago\"}");
        assertEquals(201, second.status(), second.body());
        long secondId = second.json().getJsonNumber("id").longValue();
        browser.login(first.ownerEmail(), first.password());
        browser.open("/app/dashboard.xhtml?company=" + first.companyId());
        assertEquals(first.companyName(), browser.find("currentCompany").getText());
        browser.choose("switch:company", secondName);
        Wait.until(java.time.Duration.ofSeconds(20), () -> browser.path().endsWith("?company=" + secondId) ? true : null);
        assertEquals(secondName, browser.find("currentCompany").getText());
        browser.open("/app/company.xhtml");
        assertEquals(secondName, browser.find("settings:name").getAttribute("value"), "the choice stays for the session");
    }

    @Test
    void anAdminInvitesAMemberWhoAcceptsThroughTheMailedLink() {
        Tenant owner = Tenant.create("browser-inviter");
        String invitee = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@caart.test";
        browser.login(owner.ownerEmail(), owner.password());
        browser.open("/app/members.xhtml?company=" + owner.companyId());
        browser.type("invite:email", invitee);
        browser.choose("invite:role", "AUDITOR");
        browser.click("invite:send");
        assertTrue(browser.text().contains("Invitation sent to " + invitee), browser.text());
        assertTrue(browser.find("invitations:table").getText().contains(invitee));
        browser.submit("logout:logoutButton");

        String link = Mails.invitationLink(invitee);
        browser.open(link);
        assertTrue(browser.text().contains(owner.companyName()), browser.text());
        String password = SharedServer.randomPassword();
        browser.type("register:firstName", "Ines");
        browser.type("register:lastName", "Vite");
        browser.type("register:password", password);
        browser.type("register:confirmation", password + "x");
        browser.submit("register:acceptButton");
        assertTrue(browser.text().contains("The passwords do not match"), browser.text());
        assertEquals("Ines", browser.find("register:firstName").getAttribute("value"));
        browser.type("register:password", password);
        browser.type("register:confirmation", password);
        browser.submit("register:acceptButton");
        assertEquals("/app/dashboard.xhtml?company=" + owner.companyId(), browser.path());
        assertTrue(browser.find("currentCompany").getText().contains(owner.companyName()));
        assertTrue(browser.text().contains("AUDITOR"), browser.text());
    }

    @Test
    void aViewerDoesNotSeeOrReachTheAdminPages() {
        Tenant owner = Tenant.create("browser-roles");
        Tenant.Member viewer = owner.addMember("browser-viewer", "VIEWER");
        browser.login(viewer.email(), viewer.password());
        assertTrue(browser.text().contains(owner.companyName()), browser.text());
        assertTrue(browser.driver().findElements(By.id("nav:members")).isEmpty(), "no Members item");
        assertTrue(browser.driver().findElements(By.id("nav:trail")).isEmpty(), "no Audit trail item");
        assertTrue(browser.driver().findElements(By.id("nav:patchSettings")).isEmpty(), "no Patch settings item");
        for (String page : List.of("/app/members.xhtml", "/app/trail.xhtml", "/app/patch-settings.xhtml")) {
            browser.open(page + "?company=" + owner.companyId());
            assertTrue(browser.text().contains("Your account is not allowed to open this page"), page);
            assertFalse(browser.text().contains(owner.ownerEmail()), page + " shows no member");
        }
        browser.open("/app/company.xhtml?company=" + owner.companyId());
        assertEquals("true", browser.find("settings:name").getAttribute("disabled"), "settings are read-only");
        assertTrue(browser.driver().findElements(By.id("settings:save")).isEmpty());
    }

    @Test
    void theProfileShowsMarkupAsText() {
        Tenant me = Tenant.create("browser-profile");
        browser.login(me.ownerEmail(), me.password());
        browser.open("/app/profile.xhtml");
        String script = "<script>window.caartInjected = true</script><b>bold</b>";
        browser.type("profile:username", "Bad Name!");
        browser.click("profile:save");
        assertTrue(browser.text().contains("A username has 3 to 40 characters"), browser.text());
        browser.type("profile:username", "sec.officer-" + UUID.randomUUID().toString().substring(0, 6));
        browser.type("profile:city", "Lyon");
        browser.type("profile:aboutMe", script);
        browser.click("profile:save");
        assertTrue(browser.text().contains("Profile saved"), browser.text());
        browser.open("/app/profile.xhtml");
        assertEquals(script, browser.find("shownAbout").getText(), "shown as typed, not run");
        assertEquals("Lyon", browser.find("profile:city").getAttribute("value"));
        assertEquals(Boolean.FALSE, ((JavascriptExecutor) browser.driver())
                .executeScript("return window.caartInjected === true;"));
    }
}
