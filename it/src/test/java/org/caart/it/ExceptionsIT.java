package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exceptions (waivers) on the test clock: a request with its rules (reason and expiry required, the severity's
 * longest period), the requester's own approval refused, another member approves, the run's score with exceptions
 * and the EXCEPTED result, a new observed value reopens the exception, the digest lists it, and the expiry ends it.
 * Fake agents send the results (check-0 and check-4 of {@link FakeAgent#batchJson} fail, check-0 is HIGH).
 */
@ExtendWith(SharedServer.class)
class ExceptionsIT {

    private final Api operator = SharedServer.operatorApi();
    // a winter day of its own (Berlin is UTC+1), far from the days other digest tests use
    private final LocalDate day = LocalDate.of(2400 + ThreadLocalRandom.current().nextInt(300), 1,
            5 + ThreadLocalRandom.current().nextInt(15));

    @AfterEach
    void resetClock() {
        assertEquals(204, operator.delete("/api/system/clock").status());
    }

    @Test
    void requestApproveReopenOnNewEvidenceDigestAndExpiry() {
        setClock(day + "T04:00:00Z"); // 05:00 in Berlin: before the daily check
        Tenant t = Tenant.create("exceptions");
        makeCiso(t);
        Tenant.Member approver = t.addMember("approver", "REMEDIATOR");
        FakeAgent agent = FakeAgent.enroll(t, "exc-" + t.companyId());
        long first = Remediating.auditWithFailures(t, "Before the exception", agent);
        String policy = policyOf(t, first);
        long endpoint = AgentApiIT.endpointId(t, agent.hostname);

        Api.Reply missing = t.api().post(t.path("/exceptions"), "{\"policyId\":\"" + policy
                + "\",\"checkId\":\"check-0\",\"scope\":\"ENDPOINT\",\"endpointId\":" + endpoint + "}");
        assertEquals(400, missing.status(), missing.body());
        assertTrue(missing.contentType().startsWith("application/problem+json"), missing.contentType());
        assertTrue(missing.body().contains("reason") && missing.body().contains("expiresOn"), missing.body());
        Api.Reply tooLong = request(t.api(), t, policy, "check-0", endpoint, day.plusDays(91));
        assertEquals(400, tooLong.status(), tooLong.body());
        assertTrue(tooLong.body().contains("at most 90 days"), tooLong.body());
        Api.Reply unknown = request(t.api(), t, policy, "no-such-check", endpoint, day.plusDays(10));
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals(0, t.api().get(t.path("/exceptions")).array().size(), "nothing stored by bad requests");

        Api.Reply requested = request(t.api(), t, policy, "check-0", endpoint, day.plusDays(10));
        assertEquals(201, requested.status(), requested.body());
        long id = requested.json().getJsonNumber("id").longValue();
        assertEquals("REQUESTED", requested.json().getString("status"));
        assertEquals("HIGH", requested.json().getString("severity"));
        assertEquals("CHG-" + t.companyId(), requested.json().getString("ticket"));

        Api.Reply own = t.api().post(t.path("/exceptions/" + id + "/approve"), "{}");
        assertEquals(409, own.status(), own.body());
        assertTrue(own.body().contains("You requested this exception, so another member"), own.body());
        Api.Reply approved = approver.api().post(t.path("/exceptions/" + id + "/approve"),
                "{\"note\":\"accepted until the vendor patch\"}");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("APPROVED", approved.json().getString("status"));
        assertEquals(approver.email(), approved.json().getString("decidedBy"));
        assertEquals(List.of("setting = off"), strings(approved.json(), "evidence"));

        JsonObject run = t.api().get(t.path("/audits/" + first)).json().getJsonArray("runs").getJsonObject(0);
        assertEquals(75.0, run.getJsonNumber("score").doubleValue(), 0.001);
        assertEquals(87.5, run.getJsonNumber("scoreWithExceptions").doubleValue(), 0.001);
        assertEquals(1, run.getInt("excepted"));
        List<JsonObject> failed = t.api().get(t.path("/audits/" + first + "/results?status=FAILED")).array().stream()
                .map(JsonValue::asJsonObject).toList();
        assertTrue(failed.stream().anyMatch(r -> r.getString("checkId").equals("check-0") && r.getBoolean("excepted")
                && r.getJsonNumber("exceptionId").longValue() == id), failed.toString());
        assertTrue(failed.stream().anyMatch(r -> r.getString("checkId").equals("check-4") && !r.getBoolean("excepted")),
                failed.toString());
        JsonObject inForce = t.api().get(t.path("/exceptions/in-force")).array().getJsonObject(0);
        assertEquals(t.ownerEmail(), inForce.getString("requestedBy"));
        assertEquals(approver.email(), inForce.getString("approvedBy"));
        assertEquals(day.plusDays(10).toString(), inForce.getString("expiresOn"));

        long second = AgentApiIT.startAudit(t, "The value changed");
        assertEquals(202, agent.post(batchWithCheck0(agent.nextRun(), "setting = maybe").toString()).status());
        AgentApiIT.awaitStatus(t, second, "COMPLETED");
        JsonObject changedRun = t.api().get(t.path("/audits/" + second)).json().getJsonArray("runs").getJsonObject(0);
        assertEquals(75.0, changedRun.getJsonNumber("scoreWithExceptions").doubleValue(), 0.001,
                "a value the exception was not granted for is not excepted, even before the check reopens it");
        JsonObject reopened = Wait.until(Duration.ofSeconds(60), () -> {
            JsonObject e = t.api().get(t.path("/exceptions/" + id)).json();
            return e.getString("status").equals("REOPENED") ? e : null;
        });
        assertTrue(reopened.getString("reopenReason").contains("setting = maybe"), reopened.toString());
        Api.Reply again = approver.api().post(t.path("/exceptions/" + id + "/approve"), "{}");
        assertEquals("APPROVED", again.json().getString("status"), again.body());
        assertEquals(List.of("setting = maybe"), strings(again.json(), "evidence"));

        int earlier = Mails.to(t.ownerEmail()).size();
        setClock(day + "T05:30:00Z"); // 06:30 in Berlin: the daily check and its digest
        operator.post("/api/system/jobs/tick", null);
        String text = Mails.text(Mails.await(t.ownerEmail(), earlier + 1)).replace("\r\n", "\n");
        String line = "exception #" + id + ": check check-0 of " + policy + " for endpoint #" + endpoint;
        String expiring = text.substring(text.indexOf("EXCEPTIONS EXPIRING WITHIN 14 DAYS (1)"));
        assertTrue(expiring.startsWith("EXCEPTIONS EXPIRING WITHIN 14 DAYS (1)\n  - " + line + " (Check number 0), "
                + "expires on " + day.plusDays(10) + "; approved by " + approver.email() + "; requested by "
                + t.ownerEmail()), text);
        String reopenedSection = text.substring(text.indexOf("EXCEPTIONS REOPENED (LAST 24 HOURS) (1)"));
        assertTrue(reopenedSection.startsWith("EXCEPTIONS REOPENED (LAST 24 HOURS) (1)\n  - " + line), text);
        assertTrue(reopenedSection.contains("now reports \"setting = maybe\""), text);
        assertTrue(text.contains(SharedServer.PUBLIC_URL + "/app/exceptions.xhtml?company=" + t.companyId()
                + "&exception=" + id), text);

        setClock(day.plusDays(11) + "T04:00:00Z"); // the expiry day (Berlin) has ended
        Wait.until(Duration.ofSeconds(60), () -> t.api().get(t.path("/exceptions/" + id)).json()
                .getString("status").equals("EXPIRED") ? true : null);
        JsonObject after = t.api().get(t.path("/audits/" + second)).json().getJsonArray("runs").getJsonObject(0);
        assertEquals(75.0, after.getJsonNumber("scoreWithExceptions").doubleValue(), 0.001,
                "an expired exception excepts nothing: the check counts as failing again");
        assertEquals(0, t.api().get(t.path("/exceptions/in-force")).array().size());
        String trail = t.api().get(t.path("/trail")).body();
        for (String action : List.of("exception.request", "exception.approve.refused", "exception.approve",
                "exception.reopened", "exception.expire")) {
            assertTrue(trail.contains("\"" + action + "\""), action + " in the trail: " + trail);
        }
    }

    @Test
    void aRejectedExceptionIsReopenedAndOnlyMembersWithThePermissionDecide() {
        Tenant t = Tenant.create("exc-reject");
        Tenant.Member approver = t.addMember("admin", "ADMIN");
        Tenant.Member viewer = t.addMember("viewer", "VIEWER");
        Tenant.Member auditor = t.addMember("auditor", "AUDITOR");
        FakeAgent agent = FakeAgent.enroll(t, "rej-" + t.companyId());
        long audit = Remediating.auditWithFailures(t, "Reject me", agent);
        String policy = policyOf(t, audit);
        LocalDate today = LocalDate.now(Tenant.ZONE);
        Api.Reply requested = t.api().post(t.path("/exceptions"), Json.createObjectBuilder().add("policyId", policy)
                .add("checkId", "check-4").add("scope", "COMPANY").add("reason", "Whole fleet, legacy")
                .add("expiresOn", today.plusDays(30).toString()).build().toString());
        assertEquals(201, requested.status(), requested.body());
        long id = requested.json().getJsonNumber("id").longValue();
        assertEquals(403, viewer.api().post(t.path("/exceptions/" + id + "/approve"), "{}").status());
        assertEquals(403, auditor.api().post(t.path("/exceptions/" + id + "/approve"), "{}").status());
        assertEquals(403, auditor.api().post(t.path("/exceptions"), "{}").status());
        assertEquals(200, viewer.api().get(t.path("/exceptions/" + id)).status(), "every member reads them");
        assertEquals(409, t.api().post(t.path("/exceptions/" + id + "/reject"), "{}").status(),
                "the requester does not reject their own request either");
        Api.Reply rejected = approver.api().post(t.path("/exceptions/" + id + "/reject"), "{\"note\":\"too broad\"}");
        assertEquals("REJECTED", rejected.json().getString("status"), rejected.body());
        assertEquals(409, approver.api().post(t.path("/exceptions/" + id + "/approve"), "{}").status());
        Api.Reply bad = t.api().post(t.path("/exceptions/" + id + "/reopen"), "{\"expiresOn\":\"tomorrow\"}");
        assertEquals(400, bad.status(), bad.body());
        Api.Reply reopened = t.api().post(t.path("/exceptions/" + id + "/reopen"), "{\"expiresOn\":\""
                + today.plusDays(20) + "\",\"reason\":\"Only until the migration\"}");
        assertEquals(200, reopened.status(), reopened.body());
        assertEquals("REQUESTED", reopened.json().getString("status"));
        assertEquals("Only until the migration", reopened.json().getString("reason"));
        assertEquals(today.plusDays(20).toString(), reopened.json().getString("expiresOn"));
        assertEquals(1, t.api().get(t.path("/exceptions?status=REQUESTED")).array().size());
        assertEquals(0, t.api().get(t.path("/exceptions?status=APPROVED")).array().size());
        assertEquals(400, t.api().get(t.path("/exceptions?status=NOPE")).status());

        Api.Reply settings = t.api().put(t.path("/exception-settings"), "{\"maxDays\":{\"MEDIUM\":10}}");
        assertEquals(200, settings.status(), settings.body());
        assertEquals(10, settings.json().getJsonObject("maxDays").getInt("MEDIUM"));
        assertEquals(403, viewer.api().put(t.path("/exception-settings"), "{\"maxDays\":{\"MEDIUM\":5}}")
                .status());
        assertEquals(10, viewer.api().get(t.path("/exception-settings")).json().getJsonObject("maxDays")
                .getInt("MEDIUM"));
        Api.Reply tooLong = t.api().post(t.path("/exceptions"), Json.createObjectBuilder().add("policyId", policy)
                .add("checkId", "check-4").add("scope", "TAG").add("tag", "web").add("reason", "r")
                .add("expiresOn", today.plusDays(11).toString()).build().toString());
        assertEquals(400, tooLong.status(), tooLong.body());
        assertTrue(tooLong.body().contains("at most 10 days"), tooLong.body());
        assertEquals(400, t.api().put(t.path("/exception-settings"), "{\"maxDays\":{\"MEDIUM\":0}}").status());
    }

    /** Asks for an exception of check-0 for the whole company, from the tenant's newest completed audit's policy. */
    static long requestForLatestAudit(Tenant t) {
        long audit = t.api().get(t.path("/audits")).array().stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("status").equals("COMPLETED")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        Api.Reply reply = t.api().post(t.path("/exceptions"), Json.createObjectBuilder()
                .add("policyId", policyOf(t, audit)).add("checkId", "check-0").add("scope", "COMPANY")
                .add("reason", "Isolation sweep").add("expiresOn", LocalDate.now(Tenant.ZONE).plusDays(5).toString())
                .build().toString());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    static String policyOf(Tenant t, long audit) {
        return t.api().get(t.path("/audits/" + audit)).json().getJsonArray("runs").getJsonObject(0)
                .getString("policyId");
    }

    static Api.Reply request(Api api, Tenant t, String policy, String check, long endpoint,
            LocalDate expiresOn) {
        return api.post(t.path("/exceptions"), Json.createObjectBuilder().add("policyId", policy)
                .add("checkId", check).add("scope", "ENDPOINT").add("endpointId", endpoint)
                .add("reason", "The vendor's appliance needs it").add("ticket", "CHG-" + t.companyId())
                .add("expiresOn", expiresOn.toString()).build().toString());
    }

    /** A whole run's batch (8 results, check-0 and check-4 failing) where check-0 observes {@code observed}. */
    private static JsonObject batchWithCheck0(String run, String observed) {
        JsonObject batch = FakeAgent.batchJson(FakeAgent.newBatchId(), run, 0, 8, 0, 8, "COMPLETED");
        JsonObject check0 = Json.createObjectBuilder(batch.getJsonArray("results").getJsonObject(0))
                .add("observed", observed).build();
        return Json.createObjectBuilder(batch).add("results", Json.createArrayBuilder(batch.getJsonArray("results"))
                .set(0, check0)).build();
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private static void makeCiso(Tenant t) {
        long owner = t.api().get(t.path("/members")).array().stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("email").equals(t.ownerEmail())).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        assertEquals(200, t.api().put(t.path("/members/" + owner),
                "{\"role\":\"OWNER\",\"ciso\":true,\"securityTech\":false}").status());
    }

    private void setClock(String instant) {
        assertEquals(204, operator.put("/api/system/clock", "{\"now\":\"" + instant + "\"}").status());
    }
}
