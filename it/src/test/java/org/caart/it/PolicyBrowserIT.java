package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Uploading a policy in the portal, in Chromium: validation findings, the command-check note, the audit choice. */
@ExtendWith(SharedServer.class)
class PolicyBrowserIT {

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
    void anAuditorUploadsAWazuhPolicyAndChoosesItForAnAudit() {
        Tenant t = Tenant.create("policy-browser");
        Path sca = Path.of(System.getProperty("user.dir")).resolve(Path.of("..", "policy", "src", "test", "resources",
                "wazuh-sca", "cis_win2022.yml")).normalize();
        browser.login(t.ownerEmail(), t.password());
        browser.open("/app/policies.xhtml?company=" + t.companyId());
        browser.type("upload:name", "CIS Windows Server 2022");
        browser.find("upload:file").sendKeys(sca.toString());
        browser.submit("upload:uploadPolicy");
        assertTrue(Integer.parseInt(browser.textOf("uploadedChecks")) > 100, browser.text());
        String note = browser.textOf("commandNote");
        assertTrue(note.matches("(?s)\\d+ of \\d+ checks \\(\\d+ %\\) run commands\\..*"), note);
        assertTrue(note.contains("allow-server-commands=true"), note);
        assertTrue(note.contains("left out of the score, which then rests on the other"), note);
        browser.screenshot("policy-upload-command-note", "commandNote");
        assertTrue(browser.find("list:policies").getText().contains("CIS Windows Server 2022"));

        browser.open("/app/audits.xhtml?company=" + t.companyId());
        // the policy menu lists the uploaded policy with the built-in ones (choose checks the menu shows it)
        browser.choose("create:policy", "Uploaded: CIS Windows Server 2022");
    }

    @Test
    void theAuditPageSaysHowManyChecksWereNotRunForCommandsAndHowToAllowThem() {
        Tenant t = Tenant.create("policy-commands");
        FakeAgent agent = FakeAgent.enroll(t, "no-commands-host");
        Api.Reply created = t.api().post(t.path("/audits"),
                "{\"title\":\"Commands\",\"allEndpoints\":true,\"policy\":\"caart-debian-baseline\"}");
        assertEquals(201, created.status(), created.body());
        long audit = created.json().getJsonNumber("id").longValue();
        String run = agent.nextRun();
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (int i = 0; i < 12; i++) {
            JsonObjectBuilder result = Json.createObjectBuilder().add("checkId", "cmd-" + i).add("title", "Check " + i)
                    .add("severity", "MEDIUM").add("durationMicros", 5);
            if (i < 4) {
                result.add("status", "NOT_RUN").add("reason",
                        "not run: commands from the server are disabled on this host");
            } else {
                result.add("status", i < 10 ? "PASSED" : "FAILED");
            }
            results.add(result);
        }
        assertEquals(202, agent.post(Json.createObjectBuilder().add("batchId", FakeAgent.newBatchId())
                .add("runId", run).add("sequence", 0).add("planned", 12).add("results", results)
                .add("end", "COMPLETED").build().toString()).status());
        AgentApiIT.awaitStatus(t, audit, "COMPLETED");

        browser.login(t.ownerEmail(), t.password());
        browser.open("/app/audit.xhtml?company=" + t.companyId() + "&audit=" + audit);
        String note = browser.textOf("commandNote");
        // 4 not run; 6 passed + 2 failed count: 4 of 12 = 33 %
        assertTrue(note.startsWith("4 check result(s) were not run because their hosts do not allow commands"), note);
        assertTrue(note.contains("33 % of the checks that would count in the score, which rests on the other 8"), note);
        assertTrue(note.contains("allow-server-commands=true"), note);
        browser.screenshot("audit-command-note", "live:summary");
    }
}
