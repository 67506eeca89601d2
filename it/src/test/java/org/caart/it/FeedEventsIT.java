package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SIEM feed's settings, events and guards on the shared server (issue 15): off until an owner switches it on,
 * only owners configure it, bad destinations are refused with the field and store nothing, a destination in a
 * refused network (link-local: cloud metadata) is never connected to and says why, and the events of a completed
 * audit and of an exception reach the pull API with their before and after. Delivery to rsyslog: FeedDeliveryIT.
 */
@ExtendWith(SharedServer.class)
class FeedEventsIT {

    /** Switches the tenant's feed on and adds a destination in a refused network (it never connects). */
    static long destination(Tenant t, String name) {
        assertEquals(200, t.api().put(t.path("/feed"), "{\"enabled\":true}").status());
        Api.Reply created = t.api().post(t.path("/feed/destinations"), "{\"name\":\"" + name
                + "\",\"host\":\"169.254.169.254\",\"port\":6514,\"tls\":true,\"payload\":\"JSON\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().getJsonNumber("id").longValue();
    }

    @Test
    void onlyOwnersConfigureTheFeedAndBadDestinationsChangeNothing() {
        Tenant t = Tenant.create("feed-settings");
        Tenant.Member admin = t.addMember("feed-admin", "ADMIN");
        Tenant.Member viewer = t.addMember("feed-viewer", "VIEWER");
        JsonObject off = t.api().get(t.path("/feed")).json();
        assertEquals(false, off.getBoolean("enabled"), "the feed is off by default: " + off);
        assertEquals(400, t.api().post(t.path("/feed/destinations"), "{\"name\":\"early\",\"host\":\"siem.example\","
                + "\"port\":6514,\"tls\":true,\"payload\":\"JSON\"}").status(), "no destination while the feed is off");
        assertEquals(403, admin.api().put(t.path("/feed"), "{\"enabled\":true}").status(), "an admin may not");
        assertEquals(403, viewer.api().get(t.path("/feed")).status(), "a viewer does not read the feed");
        assertEquals(200, admin.api().get(t.path("/feed")).status(), "an admin reads it");
        assertEquals(200, t.api().put(t.path("/feed"), "{\"enabled\":true,\"snapshotDaily\":true}").status());

        for (String[] bad : new String[][] {
            {"port", "{\"name\":\"x\",\"host\":\"siem.example\",\"port\":0,\"tls\":true,\"payload\":\"JSON\"}"},
            {"payload", "{\"name\":\"x\",\"host\":\"siem.example\",\"port\":6514,\"tls\":true,\"payload\":\"XML\"}"},
            {"host", "{\"name\":\"x\",\"host\":\"siem example; rm\",\"port\":6514,\"tls\":true,\"payload\":\"CEF\"}"},
            {"caCertificate", "{\"name\":\"x\",\"host\":\"siem.example\",\"port\":514,\"tls\":false,"
                    + "\"caCertificate\":\"-----BEGIN CERTIFICATE-----\\nMII\\n-----END CERTIFICATE-----\","
                    + "\"payload\":\"CEF\"}"},
            {"name", "{\"host\":\"siem.example\",\"port\":6514,\"tls\":true,\"payload\":\"JSON\"}"}}) {
            Api.Reply refused = t.api().post(t.path("/feed/destinations"), bad[1]);
            assertEquals(400, refused.status(), bad[1] + ": " + refused.body());
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
            assertTrue(refused.body().contains("\"" + bad[0] + "\""), "names the field " + bad[0] + ": "
                    + refused.body());
        }
        assertEquals(403, admin.api().post(t.path("/feed/destinations"), "{\"name\":\"x\",\"host\":\"siem.example\","
                + "\"port\":6514,\"tls\":true,\"payload\":\"JSON\"}").status());
        JsonObject feed = t.api().get(t.path("/feed")).json();
        assertEquals(0, feed.getJsonArray("destinations").size(), "nothing stored by refused requests: " + feed);
        assertTrue(feed.getBoolean("snapshotDaily"), feed.toString());
        String trail = t.api().get(t.path("/trail")).body();
        assertTrue(trail.contains("feed.settings"), "the change is in the trail");
    }

    @Test
    void aDestinationInARefusedNetworkIsNeverReachedAndSaysWhy() {
        Tenant t = Tenant.create("feed-refused");
        long id = destination(t, "metadata service");
        JsonObject state = await(t, id, Duration.ofSeconds(30));
        assertEquals("RETRYING", state.getString("state"), state.toString());
        assertTrue(state.getString("lastError").contains("caart.feed.refused-networks"), state.toString());
        assertTrue(state.containsKey("nextAttempt") && !state.isNull("nextAttempt"), state.toString());
    }

    @Test
    void aCompletedAuditAndAGrantedExceptionReachThePullApi() {
        Tenant t = Tenant.create("feed-events");
        assertEquals(200, t.api().put(t.path("/feed"), "{\"enabled\":true}").status());
        Tenant.Member approver = t.addMember("feed-approver", "REMEDIATOR");
        Tenant.Member auditor = t.addMember("feed-auditor", "AUDITOR");
        FakeAgent agent = FakeAgent.enroll(t, "feed-events-" + t.companyId());
        long audit = Remediating.auditWithFailures(t, "Feed events", agent);
        String policy = ExceptionsIT.policyOf(t, audit);
        long endpoint = AgentApiIT.endpointId(t, agent.hostname);
        Api.Reply requested = ExceptionsIT.request(t.api(), t, policy, "check-0", endpoint,
                LocalDate.now(Tenant.ZONE).plusDays(10));
        assertEquals(201, requested.status(), requested.body());
        long exception = requested.json().getJsonNumber("id").longValue();
        assertEquals(200, approver.api().post(t.path("/exceptions/" + exception + "/approve"), "{}").status());

        List<JsonObject> events = pull(auditor.api(), t, 3);
        JsonObject first = events.get(0);
        assertEquals(1, first.getJsonObject("metadata").getInt("sequence"));
        assertEquals("check.changed", first.getJsonObject("metadata").getString("event_code"));
        assertEquals(2003, first.getInt("class_uid"));
        assertEquals("check-0", first.getJsonObject("compliance").getString("control"));
        assertEquals("FAILED", first.getJsonObject("compliance").getString("status"));
        assertEquals(agent.hostname, first.getJsonObject("device").getString("hostname"));
        assertEquals(String.valueOf(endpoint), first.getJsonObject("device").getString("uid"));
        assertTrue(first.getJsonObject("unmapped").getString("detail").contains("setting = off"), first.toString());
        assertEquals("check-4", events.get(1).getJsonObject("compliance").getString("control"),
                "the second failure of the first run; the passing checks of a first run are not changes");
        JsonObject granted = events.get(2);
        assertEquals("exception.granted", granted.getJsonObject("metadata").getString("event_code"));
        assertEquals(3, granted.getJsonObject("metadata").getInt("sequence"));
        assertEquals("REQUESTED", granted.getJsonObject("unmapped").getString("before"));
        assertEquals("APPROVED", granted.getJsonObject("unmapped").getString("after"));
        assertTrue(granted.getJsonObject("unmapped").getString("detail").contains(approver.email()),
                granted.toString());

        Api.Reply rest = auditor.api().get(t.path("/feed/events?after=3"));
        assertEquals(200, rest.status());
        assertEquals("", rest.body(), "nothing after the last number");
        assertEquals("3", rest.raw().headers().firstValue("CAaRT-Feed-Last").orElseThrow());
        assertEquals(400, auditor.api().get(t.path("/feed/events?after=-1")).status());
        Api.Reply notANumber = auditor.api().get(t.path("/feed/events?after=abc"));
        assertEquals(400, notANumber.status(), notANumber.body());
        assertTrue(notANumber.body().contains("\"after\""), notANumber.body());
    }

    @Test
    void anOverdueDeviceAndTheDailySnapshotReachTheFeed() {
        Tenant t = Tenant.create("feed-snapshot");
        assertEquals(200, t.api().put(t.path("/feed"), "{\"enabled\":true,\"snapshotDaily\":true}").status());
        FakeAgent agent = FakeAgent.enroll(t, "feed-snap-" + t.companyId());
        Remediating.auditWithFailures(t, "Snapshot source", agent);
        PatchIT.create(t, "feed-fw", "FIREWALL", "2020-01-01");
        assertEquals(200, t.api().post(t.path("/patch/checks"), null).status());
        // the daily jobs run after the platform hour (03:00 UTC): before it, the clock is moved to noon UTC
        Api operator = SharedServer.operatorApi();
        boolean moved = java.time.LocalTime.now(java.time.ZoneOffset.UTC).getHour() < 3;
        if (moved) {
            assertEquals(204, operator.put("/api/system/clock", "{\"now\":\""
                    + LocalDate.now(java.time.ZoneOffset.UTC) + "T12:00:00Z\"}").status());
        }
        try {
            assertEquals(200, operator.post("/api/system/jobs/tick", null).status());
        } finally {
            if (moved) {
                assertEquals(204, operator.delete("/api/system/clock").status());
            }
        }
        // 2 failures of the first run, the 2 overdue devices (the firewall, and the agent's host, whose fake agent
        // reports a patch date a month old), then the 8 current results of the snapshot
        List<JsonObject> events = pull(t.api(), t, 12);
        List<String> types = events.stream().map(e -> e.getJsonObject("metadata").getString("event_code")).toList();
        assertEquals(List.of("check.changed", "check.changed", "device.overdue", "device.overdue"),
                types.subList(0, 4), types.toString());
        JsonObject overdue = events.subList(2, 4).stream().filter(e -> "feed-fw".equals(e.getJsonObject("finding_info")
                .getString("title"))).findFirst().orElseThrow();
        assertEquals(2004, overdue.getInt("class_uid"));
        assertTrue(overdue.getJsonObject("unmapped").getString("detail").contains("last patched 2020-01-01"),
                overdue.toString());
        List<JsonObject> snapshot = events.subList(4, 12);
        assertTrue(snapshot.stream().allMatch(e -> "check.state".equals(e.getJsonObject("metadata")
                .getString("event_code"))), types.toString());
        assertEquals(2, snapshot.stream().filter(e -> "FAILED".equals(e.getJsonObject("compliance")
                .getString("status"))).count(), "the snapshot holds the current state, passing checks included");
        assertEquals(200, SharedServer.operatorApi().post("/api/system/jobs/tick", null).status());
        for (int i = 0; i < 12; i++) {
            sleep(); // three seconds: longer than the sequencer's tick
        }
        assertEquals(12, t.api().get(t.path("/feed")).json().getJsonNumber("latestSeq").longValue(),
                "one snapshot a day");
    }

    /** The first {@code n} events of the pull API, waiting for the sequencer (every 2 s) to number them. */
    private static List<JsonObject> pull(Api api, Tenant t, int n) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Api.Reply page = api.get(t.path("/feed/events?after=0"));
            assertEquals(200, page.status(), page.body());
            List<JsonObject> events = page.body().lines().map(l -> Json.createReader(new StringReader(l)).readObject())
                    .toList();
            if (events.size() >= n || System.nanoTime() > until) {
                assertEquals(n, events.size(), page.body());
                return events;
            }
            sleep();
        }
    }

    private static JsonObject await(Tenant t, long destination, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonObject state = t.api().get(t.path("/feed/destinations/" + destination)).json();
            if (!"BEHIND".equals(state.getString("state")) && !"DELIVERING".equals(state.getString("state"))
                    || System.nanoTime() > until) {
                return state;
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
