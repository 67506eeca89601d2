package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Lockout as a weapon: failed portal sign-ins lock the client address, and behind a proxy every client shares one.
 * API keys and agents do not sign in with passwords and stay unaffected by any lock; with the proxy trusted
 * (CAART_TRUSTED_PROXIES), the address it names is the one counted, so one client's failures lock only that one.
 */
class LockoutIT {

    @Test
    void anAddressLockedByPortalFailuresLocksNeitherApiKeysNorAgentsNorOtherClientsOfATrustedProxy() {
        String operatorPassword = SharedServer.randomPassword();
        try (CaartServer server = CaartServer.configure("lockout", Map.of(
                "CAART_ADMIN_EMAIL", SharedServer.OPERATOR, "CAART_ADMIN_PASSWORD", operatorPassword,
                "CAART_LOGIN_MAX_FAILURES_PER_ADDRESS", "3",
                "CAART_TRUSTED_PROXIES", "127.0.0.1")).start()) {
            String email = "lock-" + UUID.randomUUID().toString().substring(0, 8) + "@caart.test";
            String password = SharedServer.randomPassword();
            PortalClient.signUp(server, email, password);
            Api owner = new Api(server, email, password);
            long company = owner.post("/api/companies", "{\"name\":\"Lockout clinic\",\"clientOs\":\"DEBIAN\","
                    + "\"timeZone\":\"UTC\"}").json().getJsonNumber("id").longValue();
            String base = "/api/companies/" + company;
            assertEquals(201, owner.post(base + "/devices", PatchIT.device("fw", "FIREWALL", "2026-11-01")).status());
            String key = owner.post(base + "/patch/api-keys", "{\"name\":\"script\"}").json().getString("secret");
            String token = owner.post(base + "/enrollment-tokens", "").json().getString("token");
            Api.Reply enrolled = Api.anonymous(server).post("/api/agent/v1/enroll", Json.createObjectBuilder()
                    .add("token", token).add("host", FakeAgent.host("lockout-host")).build().toString());
            assertEquals(201, enrolled.status(), enrolled.body());
            String agent = enrolled.json().getString("agentId") + "." + enrolled.json().getString("secret");

            String attacker = "203.0.113.9";
            for (int i = 0; i < 3; i++) {
                assertEquals(401, new Api(server, "nobody-" + i + "@caart.test", "wrong password")
                        .via(attacker).get("/api/companies").status());
            }
            assertEquals(401, owner.via(attacker).get("/api/companies").status(), "that address is locked");
            assertEquals(200, owner.via("203.0.113.10").get("/api/companies").status(),
                    "another client behind the same trusted proxy is not");

            Api.Reply dated = Api.bearer(server, key).via(attacker).put(
                    "/api/integration/v1/devices/fw/patch-date", "{\"lastPatchDate\":\"" + LocalDate.now() + "\"}");
            assertEquals(200, dated.status(), "an API key is not a sign-in: " + dated.body());
            Api.Reply beat = Api.bearer(server, agent).via(attacker).post("/api/agent/v1/heartbeat",
                    Json.createObjectBuilder().add("host", FakeAgent.host("lockout-host")).add("droppedBatches", 0)
                            .add("spooledBatches", 0).build().toString());
            assertEquals(200, beat.status(), "nor is an agent's identity: " + beat.body());
        }
    }
}
