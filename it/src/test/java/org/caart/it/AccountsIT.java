package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.HttpCookie;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Log-in protections, remember-me, roles, invitations and the company trail, against the running server. */
@ExtendWith(SharedServer.class)
class AccountsIT {

    private final CaartServer server = SharedServer.server();

    @AfterEach
    void realTime() {
        assertEquals(204, SharedServer.operatorApi().delete("/api/system/clock").status());
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPasswordUntilTheLockEnds() {
        Tenant t = Tenant.create("locked");
        PortalClient client = new PortalClient(server);
        for (int i = 1; i <= 5; i++) {
            PortalClient.Page page = client.login(t.ownerEmail(), "wrong-password-" + i, false);
            assertEquals("/login.xhtml", page.path());
        }
        PortalClient.Page refused = client.login(t.ownerEmail(), t.password(), false);
        assertEquals("/login.xhtml", refused.path(), "the right password is refused while locked");
        assertTrue(refused.shows("Too many failed sign-in attempts"), refused.body());
        assertEquals(401, t.api().get("/api/companies").status(), "the API is locked too");
        moveClock(Instant.now().plus(16, ChronoUnit.MINUTES));
        assertTrue(client.login(t.ownerEmail(), t.password(), false).path().startsWith("/app/dashboard.xhtml"));
        List<JsonObject> trail = operatorTrail();
        assertTrue(trail.stream().anyMatch(e -> e.getString("action").equals("login.failure")
                && e.getString("actor").equals(t.ownerEmail())
                && "too many failures: locked".equals(e.getString("detail", null))), "the lock is in the trail");
        assertTrue(trail.stream().anyMatch(e -> e.getString("action").equals("login.locked")
                && e.getString("actor").equals(t.ownerEmail())));
    }

    @Test
    void unknownEmailsAreThrottledLikeKnownOnes() {
        PortalClient client = new PortalClient(server);
        String nobody = "nobody-" + UUID.randomUUID() + "@caart.test";
        for (int i = 1; i < 5; i++) {
            assertTrue(client.login(nobody, "whatever-" + i, false).shows("Invalid credentials"));
        }
        assertTrue(client.login(nobody, "whatever-5", false).shows("Too many failed sign-in attempts"),
                "the fifth failure locks, and says so");
        assertTrue(client.login(nobody, "whatever", false).shows("Too many failed sign-in attempts"));
    }

    @Test
    void rememberMeSignsTheBrowserInAgainUntilLogoutRevokesIt() {
        Tenant t = Tenant.create("remember");
        PortalClient browser = new PortalClient(server);
        PortalClient.Page in = browser.login(t.ownerEmail(), t.password(), true);
        String setCookie = in.raw().previousResponse().orElseThrow().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("caart_remember=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertTrue(setCookie.contains("Max-Age=2592000") || setCookie.contains("Expires="), setCookie);
        HttpCookie token = browser.cookie("caart_remember").orElseThrow();

        PortalClient laterVisit = new PortalClient(server);
        laterVisit.addCookie("caart_remember", token.getValue());
        PortalClient.Page dashboard = laterVisit.get("/app/dashboard.xhtml");
        assertEquals("/app/dashboard.xhtml", dashboard.path(), "signed in by the remembered token");
        assertTrue(dashboard.shows(t.ownerEmail()));
        assertTrue(laterVisit.get("/app/profile.xhtml").shows("Browsers that remember your sign-in"));

        PortalClient.Page out = laterVisit.submit("/app/dashboard.xhtml", "logout", "logoutButton", Map.of());
        assertTrue(out.path().startsWith("/login.xhtml"), out.path());
        PortalClient stolen = new PortalClient(server);
        stolen.addCookie("caart_remember", token.getValue());
        assertTrue(stolen.get("/app/dashboard.xhtml").path().startsWith("/login.xhtml"), "revoked at logout");
    }

    @Test
    void passwordChangeNeedsTheOldPasswordMailsANoticeAndEndsRememberedSignIns() {
        Tenant t = Tenant.create("pwchange");
        PortalClient remembered = new PortalClient(server);
        remembered.login(t.ownerEmail(), t.password(), true);
        String token = remembered.cookie("caart_remember").orElseThrow().getValue();
        String newPassword = SharedServer.randomPassword();

        PortalClient.Page wrong = t.portal().submit("/change-password.xhtml", "changePassword", "submit",
                Map.of("oldPassword", "not-my-password", "password", newPassword, "confirmation", newPassword));
        assertTrue(wrong.shows("The current password is not correct"), wrong.body());
        PortalClient.Page changed = t.portal().submit("/change-password.xhtml", "changePassword", "submit",
                Map.of("oldPassword", t.password(), "password", newPassword, "confirmation", newPassword));
        assertTrue(changed.path().startsWith("/login.xhtml"), changed.path());

        String notice = Mails.text(Mails.await(t.ownerEmail(), 1));
        assertTrue(notice.contains("was changed"), notice);
        PortalClient stolen = new PortalClient(server);
        stolen.addCookie("caart_remember", token);
        assertTrue(stolen.get("/app/dashboard.xhtml").path().startsWith("/login.xhtml"), "remembered sign-in ended");
        assertEquals(200, new Api(server, t.ownerEmail(), newPassword).get("/api/companies").status());
    }

    @Test
    void aNewPersonJoinsThroughTheLinkWhichThenNoLongerWorks() {
        Tenant t = Tenant.create("inviter");
        Tenant.Member joined = t.addMember("newcomer", "AUDITOR");
        JsonObject member = member(t, joined.email());
        assertEquals("AUDITOR", member.getString("role"));
        String link = Mails.invitationLink(joined.email());
        PortalClient.Page again = new PortalClient(server).get(link);
        assertTrue(again.shows("This invitation has already been used"), again.body());
        assertFalse(again.shows("acceptButton"));
        List<String> actions = companyTrail(t).stream().map(e -> e.getString("action")).toList();
        assertTrue(actions.containsAll(List.of("company.create", "invitation.send", "invitation.accept")), actions.toString());
    }

    @Test
    void anExistingAccountSignsInFirstAndTheLinkIsBoundToItsAddress() {
        Tenant t = Tenant.create("binder");
        String email = "existing-" + UUID.randomUUID().toString().substring(0, 8) + "@caart.test";
        String password = SharedServer.randomPassword();
        PortalClient.signUp(server, email, password);
        assertEquals(201, t.api().post(t.path("/invitations"), "{\"email\":\"" + email + "\",\"role\":\"VIEWER\"}")
                .status());
        String link = Mails.invitationLink(email);

        PortalClient.Page signedOut = new PortalClient(server).get(link);
        assertTrue(signedOut.shows("Sign in to accept"), signedOut.body());
        assertFalse(signedOut.shows("register:"), "no registration for an address that has an account");

        Tenant other = Tenant.create("other");
        PortalClient.Page wrongAccount = other.portal().get(link);
        assertTrue(wrongAccount.shows("You are signed in as"), wrongAccount.body());
        assertFalse(wrongAccount.shows("accept:acceptButton"));

        PortalClient invitee = new PortalClient(server);
        PortalClient.Page login = invitee.submit("/login.xhtml?next=" + java.net.URLEncoder.encode(link,
                java.nio.charset.StandardCharsets.UTF_8), "login", "submit", Map.of("email", email, "password",
                password, "next", link));
        assertEquals(link, login.path(), "back on the invitation after signing in");
        PortalClient.Page accepted = invitee.post(link, "accept", "acceptButton", Map.of(), login);
        assertEquals("/app/dashboard.xhtml?company=" + t.companyId(), accepted.path());
        assertEquals("VIEWER", member(t, email).getString("role"));
    }

    @Test
    void expiredResentAndRevokedLinksAreRefused() {
        Tenant t = Tenant.create("expiry");
        String email = "late-" + UUID.randomUUID().toString().substring(0, 8) + "@caart.test";
        Api.Reply invited = t.api().post(t.path("/invitations"), "{\"email\":\"" + email + "\",\"role\":\"VIEWER\"}");
        long id = invited.json().getJsonNumber("id").longValue();
        String first = Mails.invitationLink(email, 1);

        moveClock(Instant.now().plus(73, ChronoUnit.HOURS));
        assertTrue(new PortalClient(server).get(first).shows("This invitation has expired"));
        assertEquals(200, t.api().post(t.path("/invitations/" + id + "/resend"), "").status());
        String second = Mails.invitationLink(email, 2);
        assertEquals(404, new PortalClient(server).get(first).status(), "the old link stops working");
        assertTrue(new PortalClient(server).get(second).shows("Create your account to accept"));

        assertEquals(204, t.api().delete(t.path("/invitations/" + id)).status());
        assertTrue(new PortalClient(server).get(second).shows("This invitation was withdrawn"));
        assertEquals(404, new PortalClient(server).get("/invite.xhtml?token=" + "A".repeat(43)).status());
        assertEquals(404, new PortalClient(server).get("/invite.xhtml?token=%3Cscript%3E").status());
    }

    @Test
    void onlyOwnersTouchTheOwnerRoleAndTheLastOwnerStays() {
        Tenant t = Tenant.create("owners");
        Tenant.Member admin = t.addMember("admin", "ADMIN");
        Tenant.Member viewer = t.addMember("viewer", "VIEWER");
        long ownerId = member(t, t.ownerEmail()).getJsonNumber("id").longValue();
        long viewerId = member(t, viewer.email()).getJsonNumber("id").longValue();
        long adminId = member(t, admin.email()).getJsonNumber("id").longValue();

        assertEquals(403, admin.api().put(t.path("/members/" + viewerId), "{\"role\":\"OWNER\"}").status());
        assertEquals(403, admin.api().put(t.path("/members/" + ownerId), "{\"role\":\"VIEWER\"}").status());
        assertEquals(403, admin.api().delete(t.path("/members/" + ownerId)).status());
        assertEquals(403, admin.api().post(t.path("/invitations"), "{\"email\":\"x-" + t.companyId()
                + "@caart.test\",\"role\":\"OWNER\"}").status());
        Api.Reply duties = admin.api().put(t.path("/members/" + viewerId),
                "{\"role\":\"AUDITOR\",\"ciso\":true,\"securityTech\":false}");
        assertEquals(200, duties.status(), duties.body());
        assertTrue(duties.json().getBoolean("ciso"));

        Api.Reply last = t.api().put(t.path("/members/" + ownerId), "{\"role\":\"ADMIN\"}");
        assertEquals(409, last.status());
        assertTrue(last.json().getString("detail").contains("last owner"), last.body());
        assertEquals(409, t.api().delete(t.path("/members/" + ownerId)).status());

        assertEquals(200, t.api().put(t.path("/members/" + adminId), "{\"role\":\"OWNER\"}").status());
        assertEquals(200, t.api().put(t.path("/members/" + ownerId), "{\"role\":\"VIEWER\"}").status(),
                "with a second owner the first may step down");
        assertEquals(400, admin.api().put(t.path("/members/" + viewerId), "{\"role\":\"KING\"}").status());
        List<String> actions = companyTrail(new Tenant(admin.email(), admin.password(), t.companyId(),
                t.companyName(), admin.portal(), admin.api())).stream().map(e -> e.getString("action")).toList();
        assertTrue(actions.containsAll(List.of("member.role", "member.duties")), actions.toString());
    }

    @Test
    void companySettingsAreValidatedAndEveryChangeIsInTheSearchableTrail() {
        Tenant t = Tenant.create("settings");
        Api.Reply bad = t.api().put(t.path(""), "{\"name\":\"\",\"clientOs\":\"AMIGA\",\"timeZone\":\"Mars/Olympus\"}");
        assertEquals(400, bad.status());
        assertEquals(java.util.Set.of("name", "clientOs", "timeZone"), bad.json().getJsonObject("fields").keySet());
        Api.Reply good = t.api().put(t.path(""), "{\"name\":\"" + t.companyName()
                + " GmbH\",\"clientOs\":\"WINDOWS_SERVER_2022\",\"timeZone\":\"Asia/Tokyo\"}");
        assertEquals(200, good.status(), good.body());
        assertEquals("Asia/Tokyo", t.api().get(t.path("")).json().getString("timeZone"));
        List<JsonObject> found = t.api().get(t.path("/trail?q=TOKYO")).array().getValuesAs(JsonObject.class);
        assertEquals(1, found.size(), found.toString());
        assertEquals("company.update", found.get(0).getString("action"));
        assertTrue(found.get(0).getString("detail").contains("Europe/Berlin -> Asia/Tokyo"));
        assertEquals(0, t.api().get(t.path("/trail?q=%25")).array().stream()
                .filter(e -> !e.asJsonObject().toString().contains("%")).count(), "% is searched literally");
    }

    private static JsonObject member(Tenant t, String email) {
        return t.api().get(t.path("/members")).array().stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("email").equals(email)).findFirst().orElseThrow();
    }

    private static List<JsonObject> companyTrail(Tenant t) {
        return t.api().get(t.path("/trail")).array().getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> operatorTrail() {
        return SharedServer.operatorApi().get("/api/system/trail").array().getValuesAs(JsonObject.class);
    }

    private static void moveClock(Instant to) {
        assertEquals(204, SharedServer.operatorApi().put("/api/system/clock", "{\"now\":\"" + to + "\"}").status());
    }
}
