package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertTrue(browser.textOf("commandNote").contains("allow"), browser.textOf("commandNote"));
        assertTrue(browser.find("list:policies").getText().contains("CIS Windows Server 2022"));

        browser.open("/app/audits.xhtml?company=" + t.companyId());
        // the policy menu lists the uploaded policy with the built-in ones (choose checks the menu shows it)
        browser.choose("create:policy", "Uploaded: CIS Windows Server 2022");
    }
}
