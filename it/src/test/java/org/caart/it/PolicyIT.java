package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Uploaded policies: a real Wazuh SCA file (GPLv2 test input kept in policy/src/test/resources/wazuh-sca) validated with per-rule
 * findings, an audit with it whose order hands the agent the policy itself, and the company boundary.
 */
@ExtendWith(SharedServer.class)
class PolicyIT {

    private static final Path SCA = Path.of("..", "policy", "src", "test", "resources", "wazuh-sca", "cis_debian12.yml");

    @Test
    void anUploadedScaPolicyIsValidatedAuditedAndSentToTheAgent() throws IOException {
        Tenant a = Tenant.create("policy-a");
        Tenant b = Tenant.create("policy-b");
        String yaml = Files.readString(Path.of(System.getProperty("user.dir")).resolve(SCA).normalize());

        Api.Reply uploaded = a.api().post(a.path("/policies?name=CIS%20Debian%2012"), "application/yaml", yaml);
        assertEquals(201, uploaded.status(), uploaded.body());
        JsonObject policy = uploaded.json();
        assertEquals("SCA", policy.getString("format"));
        assertTrue(policy.getInt("checks") > 100, policy.toString().substring(0, 300));
        assertTrue(policy.getInt("commandChecks") > 0, "the Debian benchmark has command checks");
        assertTrue(policy.getString("commandNote").contains("allow"), policy.getString("commandNote"));
        String choice = policy.getString("choice");
        long id = policy.getJsonNumber("id").longValue();
        JsonObject again = a.api().get(a.path("/policies/" + id)).json();
        assertEquals(policy.getInt("unsupported"), again.getJsonArray("findings").size() == 0 ? 0
                : again.getInt("unsupported"));

        Api.Reply broken = a.api().post(a.path("/policies?name=broken"), "application/yaml", "policy: [unclosed");
        assertEquals(400, broken.status(), broken.body());
        assertTrue(broken.json().getJsonObject("fields").containsKey("file"), broken.body());
        assertEquals(1, a.api().get(a.path("/policies")).array().size(), "a refused file is not stored");

        FakeAgent agent = FakeAgent.enroll(a, "policy-host");
        Api.Reply audit = a.api().post(a.path("/audits"), "{\"title\":\"With the uploaded policy\","
                + "\"allEndpoints\":true,\"policy\":\"" + choice + "\"}");
        assertEquals(201, audit.status(), audit.body());
        Api.Reply orders = agent.orders(10);
        JsonObject order = orders.json().getJsonArray("start").getJsonObject(0);
        assertEquals(choice, order.getString("policyId"));
        assertEquals("SCA", order.getString("policyFormat"));
        assertEquals(yaml, order.getString("policyContent"), "the agent gets the policy itself");

        // company B can neither see nor use company A's policy
        assertEquals(404, b.api().get(b.path("/policies/" + id)).status());
        FakeAgent.enroll(b, "other-host");
        Api.Reply foreign = b.api().post(b.path("/audits"), "{\"title\":\"Foreign policy\",\"allEndpoints\":true,"
                + "\"policy\":\"" + choice + "\"}");
        assertEquals(404, foreign.status(), foreign.body());
        assertFalse(b.api().get(b.path("/audits")).body().contains("Foreign policy"));
        assertEquals(409, a.api().delete(a.path("/policies/" + id)).status(), "in use by a queued run");
    }
}
