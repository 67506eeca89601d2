package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The README's first steps on a server of its own started as a new operator would (no mail server, no operator
 * credentials, a public URL): the operator's first sign-in offers the next step, creates the first company and
 * invites its owner, whose link is shown once to copy; the owner joins by it, sees the enrollment command with the
 * public URL and times in the company's zone; a member invited without mail signs up and accepts from the
 * dashboard. The server log of that start is rotated by size and old rotated logs are gone.
 */
class OnboardingBrowserIT {

    private static final String PUBLIC_URL = "http://caart.onboarding.test";
    private static final Pattern HUMAN_TIME = Pattern.compile("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} CES?T");

    private final CaartServer server = CaartServer.configure("onboarding", settings());

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, String> settings() {
        Map<String, String> env = new HashMap<>(TestDatabases.blank("onboarding"));
        env.put("CAART_PUBLIC_URL", PUBLIC_URL);
        env.put("CAART_LOG_MAX_SIZE", "16k");
        env.put("CAART_LOG_KEEP_DAYS", "7");
        return env;
    }

    @Test
    void aNewOperatorCreatesTheFirstCompanyAndItsOwnerAndMembersJoinWithoutMail() throws IOException {
        Path logs = Files.createDirectories(server.dataDir().resolve("logs"));
        Path old = Files.writeString(logs.resolve("server.log.2026-01-01T00-00-00"), "an old start\n");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        Path recent = Files.writeString(logs.resolve("server.log.2026-01-02T00-00-00"), "a recent start\n");
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        server.start();

        assertTrue(server.output().contains("CAaRT is ready: open " + PUBLIC_URL + "/ (agent API: " + PUBLIC_URL
                + "/api/agent/v1)"), String.join("\n", server.output()));
        assertLogRotated(logs, old, recent);

        String oneTime = Files.readString(server.dataDir().resolve("bootstrap-password")).strip();
        String operatorPassword = SharedServer.randomPassword();
        String company = "Clinic North " + UUID.randomUUID().toString().substring(0, 6);
        String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@clinic.example";
        String ownerLink;
        try (Browser operator = new Browser(server)) {
            operator.login("operator@caart.local", oneTime);
            operator.type("changePassword:oldPassword", oneTime);
            operator.type("changePassword:password", operatorPassword);
            operator.type("changePassword:confirmation", operatorPassword);
            operator.submit("changePassword:submit");
            operator.type("login:email", "operator@caart.local");
            operator.type("login:password", operatorPassword);
            operator.submit("login:submit");

            assertEquals("/app/dashboard.xhtml", operator.path());
            assertFalse(operator.text().contains("You do not belong to any company yet"), operator.text());
            assertTrue(operator.textOf("nextStep").startsWith("Next step: create the first company and invite its "
                    + "owner."), operator.text());
            operator.screenshot("onboarding-1-operator-dashboard");
            operator.submit("createFirstCompany");
            assertEquals("/operator/companies.xhtml", operator.path());

            operator.type("create:name", company);
            operator.type("create:ownerEmail", "not-an-address");
            operator.click("create:submit");
            assertTrue(operator.text().contains("This is not a valid email address"), operator.text());
            assertTrue(operator.find("companies:table").getText().contains("No company yet"), "nothing created");

            operator.type("create:ownerEmail", owner);
            operator.choose("create:clientOs", "Debian");
            operator.choose("create:timeZone", "Europe/Berlin");
            operator.click("create:submit");
            assertTrue(operator.text().contains("Company " + company + " created; " + owner
                    + " is invited as its owner"), operator.text());
            assertTrue(operator.text().contains("Mail not delivered: No mail server is configured"), operator.text());
            assertEquals(owner, operator.textOf("inviteLinkEmail"));
            ownerLink = operator.find("inviteLinkField").getDomProperty("value");
            assertTrue(ownerLink.startsWith(PUBLIC_URL + "/invite.xhtml?token="), ownerLink);
            operator.click("copyInviteLink");
            assertEquals("Copied", operator.textOf("copyInviteLink"));
            String row = operator.find("companies:table").getText();
            assertTrue(row.contains(company) && row.contains("invited: " + owner), row);
            assertTrue(HUMAN_TIME.matcher(row).find(), "created and link expiry in the company's zone: " + row);
            operator.screenshot("onboarding-2-company-created");

            operator.open("/operator/companies.xhtml");
            assertTrue(operator.driver().findElements(By.id("inviteLinkField")).isEmpty(), "the link is shown once");
            String outbox = new Api(server, "operator@caart.local", operatorPassword).get("/api/system/mails").body();
            assertFalse(outbox.contains(ownerLink.substring(ownerLink.indexOf("token=") + 6)),
                    "the token is nowhere but in the page that made it");
            operator.open("/app/dashboard.xhtml");
            assertEquals("1", operator.textOf("platformCompanies"));
            assertEquals(List.of(), operator.cspViolations());
        }

        String ownerPassword = SharedServer.randomPassword();
        String member = "ana-" + UUID.randomUUID().toString().substring(0, 8) + "@clinic.example";
        try (Browser browser = new Browser(server)) {
            browser.open(ownerLink.substring(PUBLIC_URL.length()));
            assertTrue(browser.textOf("offer").contains(company), browser.text());
            browser.type("register:firstName", "Olga");
            browser.type("register:lastName", "Owner");
            browser.type("register:password", ownerPassword);
            browser.type("register:confirmation", ownerPassword);
            browser.submit("register:acceptButton");
            assertEquals(company, browser.textOf("currentCompany"));
            browser.screenshot("onboarding-3-owner-dashboard");

            browser.submit("board:addEndpoint");
            browser.click("add:offer");
            String command = browser.textOf("enrollCommand");
            assertTrue(command.startsWith("java -jar caart-agent.jar enroll --server " + PUBLIC_URL + " --token "),
                    command);
            assertTrue(HUMAN_TIME.matcher(browser.find("add:command").getText()).find(), browser.text());

            browser.open("/app/members.xhtml");
            browser.type("invite:email", member);
            browser.choose("invite:role", "AUDITOR");
            browser.click("invite:send");
            assertTrue(browser.text().contains("Mail not delivered: No mail server is configured"), browser.text());
            assertTrue(browser.find("inviteLinkField").getDomProperty("value")
                    .startsWith(PUBLIC_URL + "/invite.xhtml?token="));
            String pending = browser.find("invitations:table").getText();
            assertTrue(pending.contains(member) && HUMAN_TIME.matcher(pending).find(), pending);
            browser.screenshot("onboarding-4-member-invited");
            browser.submit("logout:logoutButton");

            String password = SharedServer.randomPassword();
            browser.open("/signup.xhtml");
            browser.type("signUp:firstName", "Ana");
            browser.type("signUp:lastName", "Lyst");
            browser.type("signUp:email", member);
            browser.type("signUp:password", password);
            browser.type("signUp:confirmation", password);
            browser.submit("signUp:submit");
            String offers = browser.find("offers:table").getText();
            assertTrue(offers.contains(company) && offers.contains("AUDITOR") && offers.contains("Olga Owner"),
                    offers);
            assertTrue(HUMAN_TIME.matcher(offers).find(), "the expiry in the inviting company's zone: " + offers);
            browser.screenshot("onboarding-5-invitation-for-you");
            browser.submit("offers:table:0:accept");
            assertEquals(company, browser.textOf("currentCompany"));
            assertTrue(browser.text().contains("You joined " + company + " as AUDITOR"), browser.text());
            assertTrue(browser.driver().findElements(By.id("offers:table")).isEmpty(), "nothing left to accept");
            browser.submit("logout:logoutButton");

            String someoneElse = "eve-" + UUID.randomUUID().toString().substring(0, 8) + "@clinic.example";
            browser.open("/signup.xhtml");
            browser.type("signUp:firstName", "Eve");
            browser.type("signUp:lastName", "Other");
            browser.type("signUp:email", someoneElse);
            browser.type("signUp:password", password);
            browser.type("signUp:confirmation", password);
            browser.submit("signUp:submit");
            assertTrue(browser.driver().findElements(By.id("offers:table")).isEmpty(),
                    "another address sees no invitation");
            assertEquals(List.of(), browser.cspViolations());
        }
    }

    private static void assertLogRotated(Path logs, Path old, Path recent) throws IOException {
        assertFalse(Files.exists(old), "a rotated log older than CAART_LOG_KEEP_DAYS is deleted at start");
        assertTrue(Files.exists(recent), "a younger one is kept");
        List<Path> rotated;
        try (Stream<Path> files = Files.list(logs)) {
            rotated = files.filter(f -> f.getFileName().toString().matches("server\\.log\\.\\d{4}-\\d\\d-\\d\\dT.*"))
                    .filter(f -> !f.equals(recent)).toList();
        }
        assertFalse(rotated.isEmpty(), "the start's log outgrew 16k and was rotated");
        for (Path file : rotated) {
            assertTrue(Files.size(file) <= 16 * 1024, file + " is " + Files.size(file) + " bytes");
        }
        assertTrue(Files.size(logs.resolve("server.log")) <= 16 * 1024);
    }
}
