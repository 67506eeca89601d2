package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real agent process ({@code caart-agent run}, remediation allowed on this host) against the real server: an
 * uploaded policy checks the mode of a throwaway file of this machine; the audit finds it too open, a remediation is
 * planned, approved by a second member, applied (the file's mode changes for real), seen in the browser, and rolled
 * back (the file is byte-identical with its old mode).
 */
@ExtendWith(SharedServer.class)
class RemediationEndToEndIT {

    @Test
    void theAgentFixesAThrowawayFileAndRollsItBackExactly() throws IOException {
        Tenant t = Tenant.create("remedy-e2e");
        Tenant.Member fixer = t.addMember("fixer", "REMEDIATOR");
        Path file = Files.createTempFile(CaartServer.workDir(), "remedy-", ".conf");
        byte[] content = ("# throwaway file of RemediationEndToEndIT\nsecret = " + t.companyId() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        long policy = uploadPolicy(t, file);
        try (AgentProcess agent = new AgentProcess("remedy-e2e")) {
            Path config = agent.ownConfig();
            assertEquals(0, agent.run(60, "enroll", "--server", SharedServer.server().url(""), "--token",
                    FakeAgent.token(t), "--allow-remediation"), agent.output());
            Files.writeString(config.resolve("agent.properties"), "remediation-uploaded-policies=true\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Api.Reply started = t.api().post(t.path("/audits"), "{\"title\":\"Throwaway file\",\"allEndpoints\":true,"
                    + "\"policy\":\"upload:" + policy + "\"}");
            assertEquals(201, started.status(), started.body());
            long audit = started.json().getJsonNumber("id").longValue();
            agent.start("run");
            AgentApiIT.awaitStatus(t, audit, "COMPLETED");
            long result = t.api().get(t.path("/audits/" + audit + "/results?status=FAILED")).array().getJsonObject(0)
                    .getJsonNumber("id").longValue();

            Api.Reply ordered = Remediating.order(t.api(), t, List.of(result));
            assertEquals(201, ordered.status(), ordered.body());
            long id = ordered.json().getJsonNumber("id").longValue();
            JsonObject planned = await(t, id, "PLANNED", agent);
            JsonObject item = planned.getJsonArray("items").getJsonObject(0);
            assertEquals("FILE_MODE", item.getString("fixKind"), item.toString());
            assertEquals("rw-r--r--", mode(file), "a plan changes nothing");

            assertEquals(200, fixer.api().post(t.path("/remediations/" + id + "/approve"), "").status());
            JsonObject fixed = await(t, id, "DONE", agent);
            JsonObject applied = fixed.getJsonArray("items").getJsonObject(0);
            assertEquals("FIXED", applied.getString("state"), applied.toString());
            assertEquals("rw-------", mode(file), "the agent changed the file's mode");
            assertTrue(applied.getString("before").contains("644"), applied.toString());

            try (Browser browser = new Browser(SharedServer.server())) {
                browser.login(t.ownerEmail(), t.password());
                browser.open("/app/remediation.xhtml?company=" + t.companyId() + "&remediation=" + id);
                assertTrue(browser.textOf("live:items").contains("FIXED"), browser.textOf("live:items"));
                browser.screenshot("remediation-e2e-fixed", "live:hosts");
                browser.click("live:rollbackAll");
                browser.waitForText("remediationStatus", "DONE");
                assertTrue(browser.textOf("live:items").contains("ROLLED_BACK"), browser.textOf("live:items"));
                browser.screenshot("remediation-e2e-rolled-back", "live:hosts");
                assertEquals(List.of(), browser.cspViolations());
            }
            assertEquals("rw-r--r--", mode(file), "the old mode is back");
            assertArrayEquals(content, Files.readAllBytes(file), "the content is untouched");
            List<String> steps = t.api().get(t.path("/remediations/" + id + "/steps")).array().stream()
                    .map(JsonValue::asJsonObject).map(s -> s.getString("action") + "/" + s.getString("state"))
                    .toList();
            assertTrue(steps.containsAll(List.of("PLAN/PLANNED", "APPLY/FIXED", "ROLLBACK/ROLLED_BACK")),
                    steps.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static JsonObject await(Tenant t, long id, String status, AgentProcess agent) {
        try {
            return Wait.until(Duration.ofSeconds(90), () -> {
                JsonObject r = t.api().get(t.path("/remediations/" + id)).json();
                return r.getString("status").equals(status) ? r : null;
            });
        } catch (AssertionError e) {
            throw new AssertionError(status + " not reached: " + t.api().get(t.path("/remediations/" + id)).body()
                    + "\nagent:\n" + agent.output(), e);
        }
    }

    private static String mode(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long uploadPolicy(Tenant t, Path file) {
        String policy = """
                caart-policy: 1
                id: throwaway
                name: Throwaway file
                os: linux
                checks:
                  - id: throwaway.mode
                    title: The throwaway file is readable by its owner only
                    severity: high
                    check: {type: file-mode, path: '%s', max-mode: '0600'}
                """.formatted(file.toAbsolutePath());
        Api.Reply reply = t.api().post(t.path("/policies?name=Throwaway"), "application/yaml", policy);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }
}
