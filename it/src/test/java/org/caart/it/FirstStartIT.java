package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server of its own, started as a new user would (no operator credentials, not in test mode): the one-time
 * operator password, the forced password change in the browser, then SIGKILL and a restart that loses nothing.
 */
class FirstStartIT {

    private final CaartServer server = CaartServer.configure("first-start", TestDatabases.blank("first"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void oneTimePasswordForcedChangeAndNothingLostOnSigkill() throws IOException {
        server.start();
        Path secretFile = server.dataDir().resolve("bootstrap-password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)));
        String oneTime = Files.readString(secretFile).strip();
        assertTrue(oneTime.length() >= 20);
        assertTrue(String.join("\n", server.output()).contains(secretFile.toString()),
                "the launcher says where the one-time password is");
        String log = Files.readString(server.dataDir().resolve("logs").resolve("server.log"));
        assertFalse(log.contains(oneTime), "the password never reaches the log");

        String operator = "operator@caart.local";
        Api.Reply beforeChange = new Api(server, operator, oneTime).get("/api/system/info");
        assertEquals(403, beforeChange.status(), "nothing but the password page until the password is changed");

        String chosen = SharedServer.randomPassword();
        try (Browser browser = new Browser(server)) {
            browser.open("/login.xhtml");
            browser.type("login:email", operator);
            browser.type("login:password", oneTime);
            browser.submit("login:submit");
            assertEquals("/change-password.xhtml", browser.path());
            browser.type("changePassword:oldPassword", oneTime);
            browser.type("changePassword:password", "short");
            browser.type("changePassword:confirmation", "short");
            browser.submit("changePassword:submit");
            assertTrue(browser.text().contains("A password has 12 to 128 characters"), browser.text());
            browser.type("changePassword:oldPassword", oneTime);
            browser.type("changePassword:password", chosen);
            browser.type("changePassword:confirmation", chosen);
            browser.submit("changePassword:submit");
            assertTrue(browser.path().startsWith("/login.xhtml"), browser.path());
            assertTrue(browser.text().contains("Sign in with the new one"), browser.text());
            browser.type("login:email", operator);
            browser.type("login:password", chosen);
            browser.submit("login:submit");
            assertEquals("/app/dashboard.xhtml", browser.path());
            assertEquals(List.of(), browser.cspViolations());
        }

        Api api = new Api(server, operator, chosen);
        assertEquals(200, api.get("/api/system/info").status());
        assertEquals(401, new Api(server, operator, oneTime).get("/api/system/info").status());
        Api.Reply clock = api.put("/api/system/clock", "{\"now\":\"2030-01-01T00:00:00Z\"}");
        assertEquals(403, clock.status(), "the clock only moves on a server started in test mode");

        List<String> probes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Api.Reply sent = api.post("/api/system/pipeline/probes", null);
            assertEquals(202, sent.status(), sent.body());
            probes.add(sent.json().getString("id"));
        }
        server.kill();

        server.start();
        assertEquals(200, api.get("/api/system/info").status(), "the changed password survived SIGKILL");
        assertFalse(Files.exists(secretFile), "the one-time password file goes once a password is chosen");
        for (String id : probes) {
            // accepted with 202 before the kill: it must be stored after the restart, exactly once
            JsonObject probe = Wait.until(Duration.ofSeconds(60), () -> {
                Api.Reply reply = api.get("/api/system/pipeline/probes/" + id);
                return reply.status() == 404 ? null : reply.json();
            });
            assertFalse(probe.isNull("receivedAt"));
            assertTrue(probe.getInt("deliveries") >= 1, "redeliveries are counted, never stored twice");
        }
    }
}
