package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Patch-age compliance against the running server and the test clock: the status rule at its edges and in the
 * company's own time zone, CSV import, the company API key, and the daily check with its digests, its WARNING and
 * its trail, run once a day, plus the check on demand.
 */
@ExtendWith(SharedServer.class)
class PatchIT {

    private final Api operator = SharedServer.operatorApi();
    // a winter day of its own (Berlin is UTC+1), far from other runs that may share a PostgreSQL database
    private final LocalDate day = LocalDate.of(2100 + ThreadLocalRandom.current().nextInt(300), 1,
            10 + ThreadLocalRandom.current().nextInt(15));

    @AfterEach
    void resetClock() {
        assertEquals(204, operator.delete("/api/system/clock").status());
    }

    @Test
    void statusAtTheEdgesOfTheMaximumAgeAndTheWarningWindow() {
        Tenant t = Tenant.create("patch-edges");
        setClock(day + "T11:00:00Z"); // 12:00 in Berlin
        Map<String, Integer> ages = Map.of("max minus 1", 29, "max", 30, "max plus 1", 31, "warning edge", 23,
                "inside warning", 24, "fresh", 0);
        ages.forEach((name, age) -> create(t, name, "SERVER", day.minusDays(age).toString()));
        create(t, "never patched", "APPLIANCE", "");

        Map<String, JsonObject> board = board(t);
        assertStatus(board, "max minus 1", "DUE_SOON", 1);
        assertStatus(board, "max", "DUE_SOON", 0); // the expiry day itself is still compliant
        assertStatus(board, "max plus 1", "OVERDUE", -1);
        assertStatus(board, "warning edge", "CURRENT", 7);
        assertStatus(board, "inside warning", "DUE_SOON", 6);
        assertStatus(board, "fresh", "CURRENT", 30);
        assertEquals("UNKNOWN", board.get("never patched").getString("status"));
        assertEquals(day.minusDays(30).plusDays(30).toString(), board.get("max").getString("expiry"));

        Api.Reply future = t.api().post(t.path("/devices"), device("tomorrow", "SERVER", day.plusDays(1).toString()));
        assertEquals(400, future.status());
        assertTrue(future.json().getJsonObject("fields").containsKey("lastPatchDate"), future.body());
        assertFalse(board(t).containsKey("tomorrow"), "a refused device is not created");

        // a stricter maximum for firewalls: the policy change re-evaluates the board at once
        Api.Reply policy = t.api().put(t.path("/patch/policy"), "{\"maxAgeDays\":30,\"warningDays\":7,"
                + "\"checkHour\":6,\"complianceHour\":2,\"staleAgentHours\":26,"
                + "\"typeMaxAgeDays\":{\"SERVER\":14},\"criticalityMaxAgeDays\":{}}");
        assertEquals(200, policy.status(), policy.body());
        assertStatus(board(t), "inside warning", "OVERDUE", -10);
        Api.Reply badPolicy = t.api().put(t.path("/patch/policy"), "{\"maxAgeDays\":0,\"warningDays\":7,"
                + "\"checkHour\":25,\"complianceHour\":2,\"staleAgentHours\":26}");
        assertEquals(400, badPolicy.status());
        assertTrue(badPolicy.json().getJsonObject("fields").keySet().containsAll(List.of("maxAgeDays", "checkHour")));
        assertEquals(14, t.api().get(t.path("/patch/policy")).json().getJsonObject("typeMaxAgeDays").getInt("SERVER"));
    }

    @Test
    void todayIsTheCompanysOwnDate() {
        Tenant t = Tenant.create("patch-zone");
        long kiritimati = t.api().post("/api/companies", "{\"name\":\"Line Islands " + t.companyId()
                + "\",\"clientOs\":\"DEBIAN\",\"timeZone\":\"Pacific/Kiritimati\"}").json().getJsonNumber("id")
                .longValue();
        // 11:00 UTC on day is 01:00 of the next day on Kiritimati (UTC+14) and noon in Berlin
        setClock(day + "T11:00:00Z");
        String patched = day.minusDays(30).toString();
        create(t, "berlin box", "SERVER", patched);
        Api.Reply created = t.api().post("/api/companies/" + kiritimati + "/devices",
                device("island box", "SERVER", patched));
        assertEquals(201, created.status(), created.body());
        assertEquals("DUE_SOON", board(t).get("berlin box").getString("status"), "Berlin: the expiry day");
        assertEquals("OVERDUE", created.json().getString("status"), "Kiritimati: already the day after");
        assertEquals(-1, created.json().getInt("daysLeft"));
        // the island's today is tomorrow in Berlin: a date Berlin must refuse as future
        assertEquals(201, t.api().post("/api/companies/" + kiritimati + "/devices",
                device("island today", "SERVER", day.plusDays(1).toString())).status());
        assertEquals(400, t.api().post(t.path("/devices"), device("berlin tomorrow", "SERVER",
                day.plusDays(1).toString())).status());
    }

    @Test
    void anEnrolledEndpointIsADeviceWhoseAgentReportsItsPatchDate() {
        Tenant t = Tenant.create("patch-agent");
        FakeAgent agent = FakeAgent.enroll(t, "agent-host");
        JsonObject device = board(t).get("agent-host");
        assertNotNull(device, "the endpoint's device, created at enrollment: " + board(t).keySet());
        assertTrue(device.getBoolean("agentBacked"));
        assertEquals("AGENT", device.getString("patchSource"));
        assertEquals("2026-11-01", device.getString("lastPatchDate"));
        assertEquals(200, agent.heartbeat().status());
        long id = device.getJsonNumber("id").longValue();
        assertEquals(1, t.api().get(t.path("/devices/" + id + "/history")).array().size(),
                "an unchanged date is not recorded again");
        Api.Reply manual = t.api().put(t.path("/devices/" + id), device("agent-host", "SERVER", "2026-11-05"));
        assertEquals(400, manual.status(), "the agent reports this date");
        assertEquals(409, t.api().delete(t.path("/devices/" + id)).status());
        assertEquals(1, board(t).size());
    }

    @Test
    void csvImportKeepsGoodRowsAndNamesEachBadLine() {
        Tenant t = Tenant.create("patch-csv");
        setClock(day + "T11:00:00Z");
        String csv = "name,type,criticality,responsible,last_patch_date\r\n"
                + "edge-fw,firewall,high,\"Ops, night shift\"," + day.minusDays(3) + "\r\n"
                + "core-switch,SWITCH,,," + day.minusDays(50) + "\r\n"
                + "printer,toaster,low,,\r\n"
                + "vpn,router,medium,,yesterday\r\n"
                + "dmz-fw,firewall,high,," + day.plusDays(2) + "\r\n"
                + "edge-fw,firewall,high,,\r\n"
                + "short,row\r\n"
                + "no-date,appliance,low,Facilities,\r\n";
        Api.Reply reply = t.api().post(t.path("/devices/import"), "text/csv", csv);
        assertEquals(200, reply.status(), reply.body());
        assertEquals(3, reply.json().getInt("created"));
        Map<Integer, String> refused = reply.json().getJsonArray("refused").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(p -> p.getInt("line"), p -> p.getString("reason")));
        assertEquals(List.of(4, 5, 6, 7, 8), refused.keySet().stream().sorted().toList(), refused.toString());
        assertTrue(refused.get(4).contains("toaster"), refused.get(4));
        assertTrue(refused.get(5).contains("ISO date"), refused.get(5));
        assertTrue(refused.get(6).contains("future"), refused.get(6));
        assertTrue(refused.get(7).contains("more than once"), refused.get(7));
        assertTrue(refused.get(8).contains("fields"), refused.get(8));

        Map<String, JsonObject> board = board(t);
        assertEquals(List.of("core-switch", "edge-fw", "no-date"), board.keySet().stream().sorted().toList());
        assertEquals("Ops, night shift", board.get("edge-fw").getString("responsible"));
        assertEquals("CSV", board.get("edge-fw").getString("patchSource"));
        assertEquals("OVERDUE", board.get("core-switch").getString("status"));
        assertEquals("MEDIUM", board.get("core-switch").getString("criticality"));

        Api.Reply again = t.api().post(t.path("/devices/import"), "text/csv",
                "name,type,last_patch_date\ncore-switch,," + day + "\n");
        assertEquals(0, again.json().getInt("created"));
        assertEquals(1, again.json().getInt("updated"));
        assertEquals("CURRENT", board(t).get("core-switch").getString("status"));
        assertEquals("SWITCH", board(t).get("core-switch").getString("type"), "an empty field keeps the device's own");
        long switchId = board(t).get("core-switch").getJsonNumber("id").longValue();
        assertEquals(2, t.api().get(t.path("/devices/" + switchId + "/history")).array().size());

        Api.Reply noHeader = t.api().post(t.path("/devices/import"), "text/csv", "fw,firewall\n");
        assertTrue(noHeader.json().getJsonArray("refused").getJsonObject(0).getString("reason")
                .contains("Unknown column"), noHeader.body());
    }

    @Test
    void reimportingUnchangedRowsReportsThemUnchangedInTheAnswerAndTheTrail() {
        Tenant t = Tenant.create("patch-csv-same");
        setClock(day + "T11:00:00Z");
        String csv = "name,type,criticality,responsible,last_patch_date\n"
                + "same-fw,firewall,high,Ops," + day.minusDays(3) + "\n"
                + "same-router,router,low,," + day.minusDays(5) + "\n";
        assertEquals(2, t.api().post(t.path("/devices/import"), "text/csv", csv).json().getInt("created"));

        JsonObject again = t.api().post(t.path("/devices/import"), "text/csv", csv).json();
        assertEquals(List.of(0, 0, 2), List.of(again.getInt("created"), again.getInt("updated"),
                again.getInt("unchanged")), again.toString());
        long fwId = board(t).get("same-fw").getJsonNumber("id").longValue();
        assertEquals(1, t.api().get(t.path("/devices/" + fwId + "/history")).array().size(),
                "an unchanged date adds no history");

        JsonObject changed = t.api().post(t.path("/devices/import"), "text/csv", csv.replace("high,Ops", "low,Ops"))
                .json();
        assertEquals(List.of(0, 1, 1), List.of(changed.getInt("created"), changed.getInt("updated"),
                changed.getInt("unchanged")), changed.toString());
        List<String> trail = t.api().get(t.path("/trail?q=device.import")).array().stream()
                .map(e -> e.asJsonObject().getString("target")).toList();
        assertTrue(trail.contains("0 created, 0 updated, 2 unchanged"), trail.toString());
        assertTrue(trail.contains("0 created, 1 updated, 1 unchanged"), trail.toString());
    }

    @Test
    void anApiKeySetsPatchDatesAndNothingElse() {
        Tenant a = Tenant.create("patch-key-a");
        Tenant b = Tenant.create("patch-key-b");
        create(a, "branch-fw", "FIREWALL", LocalDate.now().minusDays(90).toString());
        create(b, "bravo-fw", "FIREWALL", LocalDate.now().minusDays(90).toString());

        Api.Reply created = a.api().post(a.path("/patch/api-keys"), "{\"name\":\"firewall script\"}");
        assertEquals(201, created.status(), created.body());
        String secret = created.json().getString("secret");
        assertTrue(secret.startsWith("caart_") && secret.length() >= 6 + 43, "256-bit key: " + secret);
        assertFalse(a.api().get(a.path("/patch/api-keys")).body().contains(secret), "listed keys hide the secret");

        Api key = Api.bearer(SharedServer.server(), secret);
        String today = LocalDate.now().toString();
        Api.Reply set = key.put("/api/integration/v1/devices/branch-fw/patch-date", "{\"lastPatchDate\":\"" + today
                + "\"}");
        assertEquals(200, set.status(), set.body());
        assertEquals("API", set.json().getString("patchSource"));
        assertEquals("CURRENT", set.json().getString("status"));

        assertEquals(404, key.put("/api/integration/v1/devices/bravo-fw/patch-date",
                "{\"lastPatchDate\":\"" + today + "\"}").status(), "another company's device is not found");
        assertEquals("OVERDUE", board(b).get("bravo-fw").getString("status"), "company B unchanged");
        Api.Reply future = key.put("/api/integration/v1/devices/branch-fw/patch-date",
                "{\"lastPatchDate\":\"" + LocalDate.now().plusDays(3) + "\"}");
        assertEquals(400, future.status());
        assertEquals(401, key.get(a.path("/devices")).status(), "the key opens nothing else");
        assertEquals(401, key.get("/api/companies").status());

        long keyId = created.json().getJsonNumber("id").longValue();
        assertEquals(200, a.api().delete(a.path("/patch/api-keys/" + keyId)).status());
        Api.Reply revoked = key.put("/api/integration/v1/devices/branch-fw/patch-date",
                "{\"lastPatchDate\":\"" + today + "\"}");
        assertEquals(401, revoked.status());
        assertTrue(revoked.contentType().startsWith("application/problem+json"));
        // a well-formed key the server never issued
        assertEquals(401, Api.bearer(SharedServer.server(), "caart_" + SharedServer.randomPassword()
                + SharedServer.randomPassword().substring(0, 19))
                .put("/api/integration/v1/devices/branch-fw/patch-date", "{\"lastPatchDate\":\"" + today + "\"}")
                .status());
    }

    @Test
    void theDailyCheckWarnsOnceAndMailsOneDigestPerRecipient() {
        Tenant t = Tenant.create("patch-daily");
        Tenant.Member tech = t.addMember("tech", "AUDITOR");
        setDuties(t, t.ownerEmail(), "OWNER", true, false);
        setDuties(t, tech.email(), "AUDITOR", false, true);
        setClock(day + "T04:30:00Z"); // 05:30 in Berlin: before the check hour
        // the requirement document's two firewalls, relative to the check's day
        create(t, "firewall 1", "FIREWALL", day.minusDays(7).toString());
        create(t, "firewall 2", "FIREWALL", day.minusDays(68).toString());
        operator.post("/api/system/jobs/tick", null);
        assertTrue(checks(t).isEmpty(), "not due before 06:00 company time");

        Map<String, Integer> earlier = Map.of(t.ownerEmail(), Mails.to(t.ownerEmail()).size(), tech.email(),
                Mails.to(tech.email()).size()); // the invitation
        setClock(day + "T05:30:00Z"); // 06:30 in Berlin
        operator.post("/api/system/jobs/tick", null);
        List<JsonObject> checks = checks(t);
        assertEquals(1, checks.size(), checks.toString());
        JsonObject check = checks.get(0);
        assertEquals("DAILY", check.getString("kind"));
        assertEquals(1, check.getInt("overdue"));
        assertEquals(1, check.getInt("newlyOverdue"));
        assertEquals(1, check.getInt("current"));
        assertEquals(2, check.getInt("mails"));

        for (String recipient : List.of(t.ownerEmail(), tech.email())) {
            MimeMessage digest = Mails.await(recipient, earlier.get(recipient) + 1);
            String text = Mails.text(digest);
            assertTrue(subject(digest).contains(t.companyName()) && subject(digest).contains("1 overdue"),
                    subject(digest));
            String overdue = text.substring(text.indexOf("OVERDUE ("), text.indexOf("DUE SOON ("));
            assertTrue(overdue.contains("firewall 2 (firewall): 38 day(s) overdue, last patched "
                    + day.minusDays(68)), text);
            assertFalse(overdue.contains("firewall 1"), text);
            assertTrue(text.contains(SharedServer.PUBLIC_URL + "/app/device.xhtml?company=" + t.companyId()), text);
            assertTrue(text.contains(SharedServer.PUBLIC_URL + "/app/patches.xhtml?company=" + t.companyId()), text);
            assertTrue(html(digest).contains("firewall 2"), "an HTML part too");
        }
        List<JsonObject> warnings = t.api().get(t.path("/trail?q=device.overdue")).array().stream()
                .map(JsonValue::asJsonObject).filter(e -> e.getString("action").equals("device.overdue")).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("firewall 2", warnings.get(0).getString("target"));
        assertTrue(warnings.get(0).getString("detail").contains(t.companyName()));
        assertTrue(warnings.get(0).getString("detail").contains("38 day(s) overdue"));
        // the server log: a WARNING naming the right device and company (the level may sit on the record's first line)
        String logged = Wait.until(Duration.ofSeconds(10), () -> {
            List<String> lines = List.copyOf(SharedServer.server().output());
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("of company \"" + t.companyName() + "\"")) {
                    return String.join("\n", lines.subList(Math.max(0, i - 2), i + 1));
                }
            }
            return null;
        });
        assertTrue(logged.contains("WARN") && logged.contains("device \"firewall 2\" of company")
                && logged.contains("38 day(s) overdue"), logged);
        assertFalse(logged.contains("firewall 1"), logged);

        setClock(day + "T09:30:00Z");
        operator.post("/api/system/jobs/tick", null);
        assertEquals(1, checks(t).size(), "a second tick the same day runs no second check");
        assertEquals(2, outbox(t).size(), "and sends no second digest");

        // on demand: nothing new → no mail; a device that became overdue since → one notice per recipient
        JsonObject quiet = t.api().post(t.path("/patch/checks"), null).json();
        assertEquals("MANUAL", quiet.getString("kind"));
        assertEquals(0, quiet.getInt("mails"));
        create(t, "firewall 3", "FIREWALL", day.minusDays(40).toString());
        JsonObject found = t.api().post(t.path("/patch/checks"), null).json();
        assertEquals(1, found.getInt("newlyOverdue"));
        assertEquals(2, found.getInt("mails"));
        for (String recipient : List.of(t.ownerEmail(), tech.email())) {
            MimeMessage notice = Mails.await(recipient, earlier.get(recipient) + 2);
            assertTrue(subject(notice).contains("1 device(s) became overdue"), subject(notice));
            assertTrue(Mails.text(notice).contains("firewall 3"));
            assertFalse(Mails.text(notice).contains("firewall 2"), "only what became overdue since the digest");
        }
        assertEquals(4, outbox(t).size());
        assertEquals(3, checks(t).size());
        Wait.until(Duration.ofSeconds(30), () -> outbox(t).stream().allMatch(m -> m.getString("status").equals("SENT"))
                ? true : null);
    }

    @Test
    void theNightlyRunAuditsEveryAgentAndTheDigestReportsStaleAgentsAndFailedStarts() {
        Tenant t = Tenant.create("patch-night");
        setDuties(t, t.ownerEmail(), "OWNER", true, false);
        FakeAgent.enroll(t, "night-host"); // seen now, long before the test clock's day
        String title = "Nightly compliance run " + day;

        setClock(day + "T00:30:00Z"); // 01:30 in Berlin
        operator.post("/api/system/jobs/tick", null);
        assertFalse(t.api().get(t.path("/audits")).body().contains(title), "not before 02:00 company time");
        setClock(day + "T01:30:00Z"); // 02:30 in Berlin
        operator.post("/api/system/jobs/tick", null);
        operator.post("/api/system/jobs/tick", null);
        List<JsonObject> nightly = t.api().get(t.path("/audits")).array().stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("title").equals(title)).toList();
        assertEquals(1, nightly.size(), "one nightly run whatever the ticks: " + nightly);

        int earlier = Mails.to(t.ownerEmail()).size();
        setClock(day + "T05:30:00Z"); // 06:30 in Berlin: the agent never picked the order up (deadline 03:00)
        operator.post("/api/system/jobs/tick", null);
        String text = Mails.text(Mails.await(t.ownerEmail(), earlier + 1)).replace("\r\n", "\n");
        assertTrue(text.contains("STALE AGENTS (NOT SEEN FOR 26 H) (1)\n  - night-host: last seen"), text);
        String failed = text.substring(text.indexOf("NIGHTLY COMPLIANCE RUN: FAILED TO START (1)"));
        assertTrue(failed.contains("night-host") && failed.contains("/app/audit.xhtml?company=" + t.companyId()
                + "&audit=" + nightly.get(0).getJsonNumber("id").longValue()), text);
        Wait.until(Duration.ofSeconds(30), () -> outbox(t).stream().allMatch(m -> m.getString("status").equals("SENT"))
                ? true : null);
    }

    @Test
    void theDigestReportsAScoreThatFellAndHighChecksThatFailNow() {
        Tenant t = Tenant.create("patch-findings");
        setDuties(t, t.ownerEmail(), "OWNER", true, false);
        FakeAgent agent = FakeAgent.enroll(t, "drop-host");
        setClock(day + "T03:00:00Z");
        long before = completedAudit(t, agent, "Before", "PASSED"); // 2 of 2 passed: 100%
        setClock(day + "T04:00:00Z");
        long after = completedAudit(t, agent, "After", "FAILED"); // the high check fails now: 50%

        int earlier = Mails.to(t.ownerEmail()).size();
        setClock(day + "T05:30:00Z"); // 06:30 in Berlin
        operator.post("/api/system/jobs/tick", null);
        String text = Mails.text(Mails.await(t.ownerEmail(), earlier + 1)).replace("\r\n", "\n");
        String link = "/app/audit.xhtml?company=" + t.companyId() + "&audit=" + after;
        assertTrue(text.contains("NIGHTLY COMPLIANCE RUN: SCORE FELL (1)\n  - drop-host: score fell from 100.0% to "
                + "50.0%\n    " + SharedServer.PUBLIC_URL + link), text);
        assertTrue(text.contains("NIGHTLY COMPLIANCE RUN: NEWLY FAILING HIGH-SEVERITY CHECKS (1)\n"
                + "  - drop-host: check-a Check a (high)\n    " + SharedServer.PUBLIC_URL + link), text);
        assertFalse(text.contains("audit=" + before + "\n"), "the earlier run is what it is compared with");
        Wait.until(Duration.ofSeconds(30), () -> outbox(t).stream().allMatch(m -> m.getString("status").equals("SENT"))
                ? true : null);
    }

    /** An audit of the tenant's one agent: a high check with the given status and a medium one that passes. */
    private static long completedAudit(Tenant t, FakeAgent agent, String title, String highCheck) {
        long audit = AgentApiIT.startAudit(t, title);
        String run = agent.nextRun();
        JsonArrayBuilder results = Json.createArrayBuilder()
                .add(result("check-a", "Check a", highCheck, "HIGH"))
                .add(result("check-b", "Check b", "PASSED", "MEDIUM"));
        Api.Reply sent = agent.post(Json.createObjectBuilder().add("batchId", FakeAgent.newBatchId()).add("runId", run)
                .add("sequence", 0).add("planned", 2).add("results", results).add("end", "COMPLETED").build()
                .toString());
        assertEquals(202, sent.status(), sent.body());
        AgentApiIT.awaitStatus(t, audit, "COMPLETED");
        return audit;
    }

    private static JsonObjectBuilder result(String checkId, String title, String status, String severity) {
        return Json.createObjectBuilder().add("checkId", checkId).add("title", title).add("status", status)
                .add("severity", severity).add("durationMicros", 10);
    }

    private void setDuties(Tenant t, String email, String role, boolean ciso, boolean tech) {
        long id = t.api().get(t.path("/members")).array().stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("email").equals(email)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        Api.Reply reply = t.api().put(t.path("/members/" + id), "{\"role\":\"" + role + "\",\"ciso\":" + ciso
                + ",\"securityTech\":" + tech + "}");
        assertEquals(200, reply.status(), reply.body());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String html(MimeMessage message) {
        try {
            jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) message.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType("text/html")) {
                    return multipart.getBodyPart(i).getContent().toString();
                }
            }
            return "";
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject create(Tenant t, String name, String type, String patched) {
        Api.Reply reply = t.api().post(t.path("/devices"), device(name, type, patched));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    static String device(String name, String type, String patched) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"criticality\":\"HIGH\",\"responsible\":"
                + "\"Network team\",\"lastPatchDate\":\"" + patched + "\"}";
    }

    static Map<String, JsonObject> board(Tenant t) {
        Api.Reply reply = t.api().get(t.path("/devices"));
        assertEquals(200, reply.status(), reply.body());
        return reply.array().stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(d -> d.getString("name"), d -> d));
    }

    private static void assertStatus(Map<String, JsonObject> board, String name, String status, int daysLeft) {
        JsonObject device = board.get(name);
        assertNotNull(device, name + " on the board");
        assertEquals(status, device.getString("status"), name);
        assertEquals(daysLeft, device.getInt("daysLeft"), name);
    }

    private List<JsonObject> checks(Tenant t) {
        return t.api().get(t.path("/patch/checks")).array().stream().map(JsonValue::asJsonObject).toList();
    }

    private List<JsonObject> outbox(Tenant t) {
        return t.api().get(t.path("/patch/outbox")).array().stream().map(JsonValue::asJsonObject).toList();
    }

    private void setClock(String instant) {
        assertEquals(204, operator.put("/api/system/clock", "{\"now\":\"" + instant + "\"}").status());
    }
}
