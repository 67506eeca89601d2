package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The smaller findings of the attack on a running server (issue #20), each replayed against the real server. */
@ExtendWith(SharedServer.class)
class AttacksIT {

    private static final Pattern JAVA_NAME = Pattern.compile("\\b(org|java|jakarta|com)\\.[a-z]+\\.|\\bclass\\b");

    private final CaartServer server = SharedServer.server();

    @Test
    void aSessionIdInTheUrlIsRefused() {
        Tenant t = Tenant.create("urlsession");
        String session = t.portal().cookie("JSESSIONID").orElseThrow().getValue();
        assertEquals(200, t.portal().get("/app/dashboard.xhtml").status(), "the session is signed in");
        Api.Reply replay = Api.anonymous(server).get("/app/dashboard.xhtml;jsessionid=" + session);
        assertEquals(302, replay.status(), "not honoured: the page asks for a sign-in");
        assertTrue(replay.header("Location").endsWith("/login.xhtml"), replay.header("Location"));
        assertFalse(replay.body().contains(t.ownerEmail()));
        Api.Reply open = Api.anonymous(server).get("/login.xhtml;JSESSIONID=" + session);
        assertEquals(400, open.status(), "and refused where no sign-in is asked for: " + open.body());
    }

    @Test
    void theRememberMeTokenTurnsOverAtEachUseAndAReplayedOldOneEndsTheSeries() {
        Tenant t = Tenant.create("rotate");
        PortalClient browser = new PortalClient(server);
        browser.login(t.ownerEmail(), t.password(), true);
        String first = browser.cookie("caart_remember").orElseThrow().getValue();

        PortalClient owner = new PortalClient(server);
        owner.addCookie("caart_remember", first);
        PortalClient.Page signedIn = owner.get("/app/dashboard.xhtml");
        assertEquals("/app/dashboard.xhtml", signedIn.path());
        String second = rememberCookie(signedIn.raw());
        assertNotEquals(first, second, "a new token at each use");

        PortalClient thief = new PortalClient(server);
        thief.addCookie("caart_remember", first);
        assertTrue(thief.get("/app/dashboard.xhtml").path().startsWith("/login.xhtml"), "the old token is spent");
        PortalClient ownerLater = new PortalClient(server);
        ownerLater.addCookie("caart_remember", second);
        assertTrue(ownerLater.get("/app/dashboard.xhtml").path().startsWith("/login.xhtml"),
                "a replayed old token revokes the whole series, the current token included");
        assertTrue(SharedServer.operatorApi().get("/api/system/trail?q=" + t.ownerEmail()).array()
                .getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getString("action").equals("remember.reuse")));
    }

    /** The remember-me token a response (or one it was redirected from) set. */
    private static String rememberCookie(java.net.http.HttpResponse<?> response) {
        for (java.net.http.HttpResponse<?> r = response; r != null; r = r.previousResponse().orElse(null)) {
            java.util.Optional<String> set = r.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("caart_remember=")).findFirst();
            if (set.isPresent()) {
                return set.get().substring("caart_remember=".length(), set.get().indexOf(';'));
            }
        }
        throw new AssertionError("no remember-me cookie was set");
    }

    @Test
    void aLoginEmailLongerThanAnAddressGetsTheUsualAnswerAndIsCountedAndRecorded() {
        String email = "x" + Long.toString(System.nanoTime(), 36) + "a".repeat(400) + "@caart.test";
        PortalClient client = new PortalClient(server);
        for (int attempt = 1; attempt <= 5; attempt++) {
            PortalClient.Page page = client.login(email, "wrong-password-" + attempt, false);
            assertEquals(200, page.status(), page.body());
            assertTrue(page.shows("Invalid credentials") || page.shows("Too many failed sign-in attempts"),
                    page.body());
        }
        assertTrue(client.login(email, "wrong-password", false).shows("Too many failed sign-in attempts"),
                "the failures were counted, not rolled back");
        List<JsonObject> trail = SharedServer.operatorApi().get("/api/system/trail?q=" + email.substring(0, 20))
                .array().getValuesAs(JsonObject.class);
        assertTrue(trail.stream().filter(e -> e.getString("action").equals("login.failure")).count() >= 5,
                trail.toString());
    }

    @Test
    void anErrorPageCarriesTheSecurityHeaders() {
        Api.Reply broken = Api.anonymous(server).post("/login.xhtml", "multipart/form-data", "no boundary");
        assertEquals(500, broken.status(), broken.body());
        assertEquals("DENY", broken.header("X-Frame-Options"));
        assertEquals("nosniff", broken.header("X-Content-Type-Options"));
        assertEquals("no-store", broken.header("Cache-Control"));
        assertTrue(broken.raw().headers().allValues("Content-Security-Policy").stream()
                .anyMatch(p -> p.startsWith("default-src 'self'")));
        assertFalse(broken.body().isBlank());
    }

    @Test
    void metricsAndTheWadlAreNotPublic() {
        Api anonymous = Api.anonymous(server);
        Api.Reply metrics = anonymous.get("/metrics");
        assertNotEquals(200, metrics.status());
        assertFalse(metrics.body().contains("# TYPE") || metrics.body().contains("base_"), metrics.body());
        assertEquals(404, anonymous.get("/api/application.wadl").status());
        assertEquals(200, anonymous.get("/health/ready").status(), "the launcher's readiness check stays");
    }

    @Test
    void companyNamesRefuseLineBreaksNulAndTextDirectionOverrides() {
        Tenant t = Tenant.create("names");
        for (String name : List.of("Evil\r\nSet-Cookie: a=b", "Nul\u0000Corp", "Invoice\u202Efdp.exe")) {
            Api.Reply refused = t.api().post("/api/companies", Json.createObjectBuilder().add("name", name)
                    .add("clientOs", "DEBIAN").add("timeZone", "UTC").build().toString());
            assertEquals(400, refused.status(), refused.body());
            assertTrue(refused.json().getJsonObject("fields").getString("name").contains("control characters"));
        }
        assertEquals(1, t.api().get("/api/companies").array().size(), "nothing created");
    }

    @Test
    void negativeHeartbeatCountersAreRefusedAndAgent400sNameNoJavaType() {
        Tenant t = Tenant.create("counters");
        FakeAgent agent = FakeAgent.enroll(t, "counters-host");
        Api.Reply negative = FakeAgent.send(agent, "POST", "/api/agent/v1/heartbeat", Json.createObjectBuilder()
                .add("host", FakeAgent.host("counters-host")).add("droppedBatches", -5).add("spooledBatches", 0)
                .build().toString());
        assertEquals(400, negative.status(), negative.body());
        assertTrue(negative.body().contains("droppedBatches"), negative.body());
        for (String body : List.of("{\"token\":5,\"host\":\"x\"}", "{\"token\":\"t\",\"host\":{\"hostname\":[1]}}",
                "[1,2", "{\"host\":{\"osFamily\":\"BEOS\"}}")) {
            Api.Reply refused = FakeAgent.send(null, "POST", "/api/agent/v1/enroll", body);
            assertEquals(400, refused.status(), body + " -> " + refused.body());
            assertFalse(JAVA_NAME.matcher(refused.body()).find(), body + " -> " + refused.body());
        }
        Api.Reply heartbeat = FakeAgent.send(agent, "POST", "/api/agent/v1/heartbeat", "{\"droppedBatches\":\"x\"}");
        assertEquals(400, heartbeat.status(), heartbeat.body());
        assertFalse(JAVA_NAME.matcher(heartbeat.body()).find(), heartbeat.body());
    }

    @Test
    void aDeeplyIndentedPolicyIsRefusedAtOnceWithTheReason() {
        Tenant t = Tenant.create("deep");
        StringBuilder text = new StringBuilder("policy:\n  id: deep\nchecks:\n  - id: 1\nvariables:\n");
        for (int level = 1; level <= 1400; level++) {
            text.append(" ".repeat(level * 2)).append("k").append(level).append(":\n");
        }
        long start = System.nanoTime();
        Api.Reply refused = t.api().post(t.path("/policies"), "application/x-yaml", text.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("nested more than 32 levels deep"), refused.body());
        // the parser alone refuses it in milliseconds (PolicyLimitsTest); this bound leaves room for HTTP on a
        // loaded machine, against the 49 s it took before
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
    }
}
