package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Remediation against the running server, with fake agents speaking the agent API: plan, approval by a second
 * member, apply reports (one host fixes, one refuses), rollback, the server's journal and the trail; and every
 * refusal (roles, another company's ids, self-approval, unknown ids, checks that did not fail).
 */
@ExtendWith(SharedServer.class)
class RemediationIT {

    static Tenant t;
    static Tenant.Member fixer;
    static Tenant.Member viewer;
    static Tenant.Member auditor;
    static FakeAgent web;
    static FakeAgent db;
    static Map<String, Long> failing;
    static long audit;

    @BeforeAll
    static void companyWithFailingChecks() {
        t = Tenant.create("remedy");
        fixer = t.addMember("fixer", "REMEDIATOR");
        viewer = t.addMember("viewer", "VIEWER");
        auditor = t.addMember("auditor", "AUDITOR");
        assertEquals(200, t.api().put(t.path("/feed"), "{\"enabled\":true}").status(), "the SIEM feed is on");
        web = FakeAgent.enroll(t, "web-" + t.companyId());
        db = FakeAgent.enroll(t, "db-" + t.companyId());
        audit = Remediating.auditWithFailures(t, "Before remediation", web, db);
        failing = Remediating.failing(t, audit);
        assertEquals(4, failing.size(), "two failing checks on each host: " + failing);
    }

    @Test
    void planApproveApplyAndRollBackWithTheBeforeValuesKept() {
        Api.Reply created = Remediating.order(t.api(), t, List.copyOf(failing.values()));
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals("PLANNING", created.json().getString("status"));
        assertEquals(4, created.json().getJsonArray("items").size());
        assertTrue(created.json().getBoolean("approvalRequired"), "approval is on by default");

        JsonObject webPlan = only(web.remediationOrders(), "PLAN");
        assertEquals(2, webPlan.getJsonArray("items").size());
        assertTrue(webPlan.isNull("rollbackOf"));
        JsonObject dbPlan = only(db.remediationOrders(), "PLAN");
        assertEquals(202, web.remediationReport(Remediating.report(webPlan, 1, true, true, null, List.of(
                Remediating.item(Remediating.ordered(webPlan, "check-0"), "PLANNED", "SSHD_SETTING", "setting = off",
                        "on", null, null, null, List.of("RESTARTS_SERVICE", "REMOTE_ACCESS"), null),
                Remediating.item(Remediating.ordered(webPlan, "check-4"), "MANUAL", "MANUAL", "setting = off", null,
                        null, null, "no fix in the catalog", List.of(), "Turn the setting on in the vendor console"))))
                .status());
        assertTrue(web.remediationOrders().isEmpty(), "an order is not repeated once its finished report arrived");
        assertEquals(202, db.remediationReport(Remediating.report(dbPlan, 1, true, true, null, List.of(
                Remediating.item(Remediating.ordered(dbPlan, "check-0"), "PLANNED", "SYSCTL", "0", "1", null, null,
                        null, List.of("NEEDS_REBOOT"), null),
                Remediating.item(Remediating.ordered(dbPlan, "check-4"), "PLANNED", "FILE_MODE", "0644",
                        "mode 0600, owner root", null, null, null, List.of(), null)))).status());

        JsonObject planned = Remediating.awaitStatus(t.api(), t, id, "PLANNED");
        JsonObject sshd = item(planned, web.hostname, "check-0");
        assertEquals("setting = off", sshd.getString("observed"));
        assertEquals("on", sshd.getString("target"));
        assertEquals(List.of("RESTARTS_SERVICE", "REMOTE_ACCESS"), strings(sshd.getJsonArray("flags")));
        JsonObject manual = item(planned, web.hostname, "check-4");
        assertEquals("MANUAL", manual.getString("planState"));
        assertEquals("Turn the setting on in the vendor console", manual.getString("manualText"));

        Api.Reply self = t.api().post(t.path("/remediations/" + id + "/approve"), "");
        assertEquals(409, self.status(), self.body());
        assertTrue(self.json().getString("detail").contains("another member"), self.body());
        assertEquals(403, viewer.api().post(t.path("/remediations/" + id + "/approve"), "").status());
        Api.Reply approved = fixer.api().post(t.path("/remediations/" + id + "/approve"), "");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("APPLYING", approved.json().getString("status"));
        assertEquals(fixer.email(), approved.json().getString("approvedBy"));

        JsonObject webApply = only(web.remediationOrders(), "APPLY");
        assertEquals(1, webApply.getJsonArray("items").size(), "the manual item is not sent: " + webApply);
        JsonObject dbApply = only(db.remediationOrders(), "APPLY");
        JsonObject fixing = Remediating.ordered(webApply, "check-0");
        assertEquals(202, web.remediationReport(Remediating.report(webApply, 1, false, true, null, List.of(
                Remediating.item(fixing, "APPLYING", "SSHD_SETTING", "setting = off", "on", "absent", null, null,
                        List.of(), null)))).status());
        assertEquals(webApply.getString("orderId"), only(web.remediationOrders(), "APPLY").getString("orderId"),
                "an order under way is repeated until its finished report arrives");
        String fixed = Remediating.report(webApply, 2, true, true, null, List.of(Remediating.item(fixing, "FIXED",
                "SSHD_SETTING", "setting = off", "on", null, "setting = on", "re-check passed", List.of(), null)));
        assertEquals(202, web.remediationReport(fixed).status());
        assertEquals(202, web.remediationReport(fixed).status(), "a resend is harmless");
        String refusal = "this host does not allow remediation: set allow-remediation=true";
        assertEquals(202, db.remediationReport(Remediating.report(dbApply, 1, true, false, refusal,
                dbApply.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(i -> Remediating.item(i,
                        "REFUSED", null, null, null, null, null, refusal, List.of(), null)).toList())).status());

        JsonObject done = Remediating.awaitStatus(t.api(), t, id, "DONE");
        JsonObject applied = item(done, web.hostname, "check-0");
        assertEquals("FIXED", applied.getString("state"));
        assertEquals("absent", applied.getString("before"), "the before value stays once journaled");
        assertEquals("setting = on", applied.getString("after"));
        assertEquals("REFUSED", item(done, db.hostname, "check-0").getString("state"));
        assertEquals(refusal, item(done, db.hostname, "check-4").getString("message"));
        assertTrue(done.getJsonArray("orders").stream().map(JsonValue::asJsonObject)
                .anyMatch(o -> o.getString("action").equals("APPLY") && !o.getBoolean("remediationAllowed")
                        && o.getString("message").equals(refusal)), done.toString());

        Api.Reply nothing = t.api().post(t.path("/remediations/" + id + "/rollback"),
                "{\"endpointId\":" + AgentApiIT.endpointId(t, db.hostname) + "}");
        assertEquals(409, nothing.status(), "refused items have nothing to roll back: " + nothing.body());
        Api.Reply rolling = t.api().post(t.path("/remediations/" + id + "/rollback"),
                "{\"itemIds\":[" + applied.getJsonNumber("id") + "]}");
        assertEquals(200, rolling.status(), rolling.body());
        assertEquals("ROLLING_BACK", rolling.json().getString("status"));
        JsonObject rollback = only(web.remediationOrders(), "ROLLBACK");
        assertEquals(webApply.getString("orderId"), rollback.getString("rollbackOf"));
        assertEquals(202, web.remediationReport(Remediating.report(rollback, 1, true, true, null, List.of(
                Remediating.item(Remediating.ordered(rollback, "check-0"), "ROLLED_BACK", "SSHD_SETTING",
                        "setting = on", null, "absent", "setting = off", "the before value is back", List.of(),
                        null)))).status());

        JsonObject back = Remediating.awaitStatus(t.api(), t, id, "DONE");
        JsonObject restored = item(back, web.hostname, "check-0");
        assertEquals("ROLLED_BACK", restored.getString("state"));
        assertEquals("absent", restored.getString("before"));
        assertEquals("setting = off", restored.getString("after"));

        List<JsonObject> steps = t.api().get(t.path("/remediations/" + id + "/steps")).array().stream()
                .map(JsonValue::asJsonObject).filter(s -> s.getJsonNumber("itemId").longValue()
                        == restored.getJsonNumber("id").longValue()).toList();
        assertEquals(List.of("PLAN/PLANNED", "APPLY/APPLYING", "APPLY/FIXED", "ROLLBACK/ROLLED_BACK"), steps.stream()
                .map(s -> s.getString("action") + "/" + s.getString("state")).toList(), "one step per state, resend "
                + "included");
        assertEquals("absent", steps.get(1).getString("before"));

        String trail = t.api().get(t.path("/trail")).body();
        for (String action : List.of("remediation.order", "remediation.approve.refused", "remediation.approve",
                "remediation.plan.done", "remediation.apply.done", "remediation.rollback",
                "remediation.rollback.done")) {
            assertTrue(trail.contains("\"" + action + "\""), action + " in the trail: " + trail);
        }
        String list = t.api().get(t.path("/remediations")).body();
        assertTrue(list.contains("\"id\":" + id), list);

        // the SIEM feed: one event per item of each finished APPLY and ROLLBACK order, the resend not repeated
        List<String> feed = Remediating.awaitFeed(t, "remediation #" + id + ":", 4);
        assertEquals(List.of(
                "remediation.applied " + web.hostname + " check-0 absent -> FIXED",
                "remediation.applied " + db.hostname + " check-0 null -> REFUSED",
                "remediation.applied " + db.hostname + " check-4 null -> REFUSED",
                "remediation.rolled-back " + web.hostname + " check-0 absent -> ROLLED_BACK"), feed);
    }

    @Test
    void viewersAndAuditorsCannotOrderAndNothingIsCreated() {
        List<Long> ids = List.of(failing.values().iterator().next());
        int before = t.api().get(t.path("/remediations")).array().size();
        assertEquals(403, Remediating.order(viewer.api(), t, ids).status());
        Api.Reply refused = Remediating.order(auditor.api(), t, ids);
        assertEquals(403, refused.status());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals(before, t.api().get(t.path("/remediations")).array().size());
        assertEquals(200, viewer.api().get(t.path("/remediations")).status(), "viewers see remediations");
    }

    @Test
    void unknownOrForeignChecksAndChecksThatDidNotFailAreRefused() {
        Tenant other = Tenant.create("other-remedy");
        FakeAgent foreign = FakeAgent.enroll(other, "foreign-" + other.companyId());
        long otherAudit = Remediating.auditWithFailures(other, "Other audit", foreign);
        long foreignResult = Remediating.failing(other, otherAudit).values().iterator().next();
        long own = failing.values().iterator().next();

        Api.Reply foreignCheck = Remediating.order(t.api(), t, List.of(own, foreignResult));
        assertEquals(404, foreignCheck.status(), foreignCheck.body());
        assertFalse(foreignCheck.body().contains(other.companyName()));
        assertEquals(404, Remediating.order(t.api(), t, List.of(987654321987L)).status(), "unknown check result");
        long passed = t.api().get(t.path("/audits/" + audit + "/results?status=PASSED")).array().getJsonObject(0)
                .getJsonNumber("id").longValue();
        Api.Reply notFailing = Remediating.order(t.api(), t, List.of(passed));
        assertEquals(400, notFailing.status(), notFailing.body());
        assertTrue(notFailing.json().getJsonObject("fields").getString("checkResultIds").contains("did not fail"));
        assertEquals(400, Remediating.order(t.api(), t, List.of()).status(), "nothing chosen");

        Api.Reply mine = Remediating.order(t.api(), t, List.of(own));
        long id = mine.json().getJsonNumber("id").longValue();
        assertEquals(404, other.api().get(other.path("/remediations/" + id)).status(), "another company's id");
        assertEquals(404, t.api().get(other.path("/remediations/" + id)).status(), "a company one is not in");
        Api.Reply foreignEndpoint = t.api().post(t.path("/remediations/" + id + "/rollback"),
                "{\"endpointId\":" + AgentApiIT.endpointId(other, foreign.hostname) + "}");
        assertEquals(404, foreignEndpoint.status(), foreignEndpoint.body());
        JsonObject plan = only(ownerAgentOf(mine.json()).remediationOrders(), "PLAN");
        Api.Reply stolen = foreign.remediationReport(Remediating.report(plan, 1, true, true, null, List.of()));
        assertEquals(404, stolen.status(), "another endpoint's order: " + stolen.body());
        Api.Reply cancelled = t.api().post(t.path("/remediations/" + id + "/cancel"), "");
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("CANCELLED", cancelled.json().getString("status"));
        assertTrue(ownerAgentOf(mine.json()).remediationOrders().isEmpty(), "a cancelled order is no longer sent");
    }

    @Test
    void withoutTheApprovalSettingTheRequesterAppliesAndOnlyOwnersChangeIt() {
        Tenant solo = Tenant.create("solo-remedy");
        Tenant.Member admin = solo.addMember("admin", "ADMIN");
        FakeAgent host = FakeAgent.enroll(solo, "solo-" + solo.companyId());
        long soloAudit = Remediating.auditWithFailures(solo, "Solo audit", host);
        assertEquals(403, admin.api().put(solo.path("/remediation-settings"), "{\"approvalRequired\":false}")
                .status());
        assertEquals(400, solo.api().put(solo.path("/remediation-settings"), "{}").status());
        Api.Reply off = solo.api().put(solo.path("/remediation-settings"), "{\"approvalRequired\":false}");
        assertEquals(200, off.status(), off.body());
        assertFalse(solo.api().get(solo.path("/remediation-settings")).json().getBoolean("approvalRequired"));

        Api.Reply created = Remediating.order(solo.api(), solo,
                List.copyOf(Remediating.failing(solo, soloAudit).values()));
        long id = created.json().getJsonNumber("id").longValue();
        JsonObject plan = only(host.remediationOrders(), "PLAN");
        assertEquals(202, host.remediationReport(Remediating.report(plan, 1, true, true, null,
                plan.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(i -> Remediating.item(i,
                        "PLANNED", "SYSCTL", "0", "1", null, null, null, List.of(), null)).toList())).status());
        Remediating.awaitStatus(solo.api(), solo, id, "PLANNED");
        Api.Reply approved = solo.api().post(solo.path("/remediations/" + id + "/approve"), "");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("APPLYING", approved.json().getString("status"));
        assertEquals(solo.ownerEmail(), approved.json().getString("approvedBy"), "the requester applied it");
        assertEquals(1, host.remediationOrders().size(), "the APPLY order goes out");
    }

    private JsonObject only(JsonArray orders, String action) {
        assertEquals(1, orders.size(), "one order: " + orders);
        JsonObject order = orders.getJsonObject(0);
        assertEquals(action, order.getString("action"));
        return order;
    }

    private static FakeAgent ownerAgentOf(JsonObject remediation) {
        String host = remediation.getJsonArray("items").getJsonObject(0).getString("hostname");
        return host.equals(web.hostname) ? web : db;
    }

    private static JsonObject item(JsonObject remediation, String host, String checkId) {
        return remediation.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("hostname").equals(host) && i.getString("checkId").equals(checkId))
                .findFirst().orElseThrow(() -> new AssertionError(host + "/" + checkId + " in " + remediation));
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .toList();
    }
}
