package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Company isolation, swept over what the deployed server says it serves: every portal page (the server's own page
 * list) and every company-scoped REST operation (the server's OpenAPI document). A user of company A reaching for
 * company B's ids gets 404, exactly like a missing id, and company B looks the same afterwards. A member without
 * the needed role gets 403.
 */
@ExtendWith(SharedServer.class)
class CompanyIsolationIT {

    private static final Set<String> WRITES = Set.of("post", "put", "delete", "patch");

    static Tenant a;
    static Tenant b;
    static long bMemberId;
    static long bInvitationId;
    static long aMemberId;
    static long aInvitationId;
    static Tenant.Member aViewer;
    static long aEndpointId;
    static long bEndpointId;
    static long aAuditId;
    static long bAuditId;
    static String bAuditTitle;
    static long aDeviceId;
    static long bDeviceId;
    static long aKeyId;
    static long bKeyId;
    static long aPolicyId;
    static long bPolicyId;
    static long aRemediationId;
    static long bRemediationId;
    static long aExceptionId;
    static long bExceptionId;
    static long aDestinationId;
    static long bDestinationId;

    @BeforeAll
    static void twoCompanies() {
        a = Tenant.create("alpha");
        b = Tenant.create("bravo");
        aViewer = a.addMember("viewer", "VIEWER");
        b.addMember("auditor", "AUDITOR");
        aMemberId = memberId(a.api().get(a.path("/members")), a.ownerEmail());
        bMemberId = memberId(b.api().get(b.path("/members")), b.ownerEmail());
        aInvitationId = invite(a, "pending-a");
        bInvitationId = invite(b, "pending-b");
        FakeAgent aAgent = FakeAgent.enroll(a, "alpha-host");
        FakeAgent bAgent = FakeAgent.enroll(b, "bravo-host");
        aEndpointId = AgentApiIT.endpointId(a, "alpha-host");
        bEndpointId = AgentApiIT.endpointId(b, "bravo-host");
        aRemediationId = remediation(a, aAgent);
        bRemediationId = remediation(b, bAgent);
        aExceptionId = ExceptionsIT.requestForLatestAudit(a);
        bExceptionId = ExceptionsIT.requestForLatestAudit(b);
        aAuditId = AgentApiIT.startAudit(a, "Alpha audit");
        bAuditTitle = "Bravo secret audit " + b.companyId();
        bAuditId = AgentApiIT.startAudit(b, bAuditTitle);
        aDeviceId = PatchIT.create(a, "alpha-fw", "FIREWALL", "2026-01-01").getJsonNumber("id").longValue();
        bDeviceId = PatchIT.create(b, "Bravo secret firewall", "FIREWALL", "2026-01-01").getJsonNumber("id")
                .longValue();
        aKeyId = a.api().post(a.path("/patch/api-keys"), "{\"name\":\"alpha script\"}").json().getJsonNumber("id")
                .longValue();
        bKeyId = b.api().post(b.path("/patch/api-keys"), "{\"name\":\"bravo script\"}").json().getJsonNumber("id")
                .longValue();
        aPolicyId = uploadPolicy(a, "alpha-policy");
        bPolicyId = uploadPolicy(b, "Bravo secret policy");
        aDestinationId = FeedEventsIT.destination(a, "alpha siem");
        bDestinationId = FeedEventsIT.destination(b, "Bravo secret siem");
    }

    /** The ids every page and operation may take, of company A or of company B. */
    static Map<String, Long> ids(boolean ofB) {
        return ofB ? Map.ofEntries(Map.entry("company", b.companyId()), Map.entry("member", bMemberId),
                Map.entry("invitation", bInvitationId), Map.entry("endpoint", bEndpointId),
                Map.entry("audit", bAuditId), Map.entry("device", bDeviceId), Map.entry("key", bKeyId),
                Map.entry("policy", bPolicyId), Map.entry("remediation", bRemediationId),
                Map.entry("exception", bExceptionId), Map.entry("destination", bDestinationId))
                : Map.ofEntries(Map.entry("company", a.companyId()), Map.entry("member", aMemberId),
                        Map.entry("invitation", aInvitationId), Map.entry("endpoint", aEndpointId),
                        Map.entry("audit", aAuditId), Map.entry("device", aDeviceId), Map.entry("key", aKeyId),
                        Map.entry("policy", aPolicyId), Map.entry("remediation", aRemediationId),
                        Map.entry("exception", aExceptionId), Map.entry("destination", aDestinationId));
    }

    /**
     * The query every page takes: the company and, for the pages that show one object, that object's id (the
     * comparison takes two audits, {@code from} and {@code to}).
     */
    static String query(long company, long audit) {
        return "?company=" + company + "&audit=" + audit + "&device="
                + (audit == bAuditId ? bDeviceId : aDeviceId) + "&remediation="
                + (audit == bAuditId ? bRemediationId : aRemediationId) + "&endpoint="
                + (audit == bAuditId ? bEndpointId : aEndpointId) + "&from=" + audit + "&to=" + audit + "&exception="
                + (audit == bAuditId ? bExceptionId : aExceptionId);
    }

    @Test
    void everyPortalPageAnswers404ForAnotherCompanysId() {
        List<String> pages = appPages();
        assertTrue(pages.size() >= 6, "the server lists its pages: " + pages);
        String before = snapshot(b);
        for (String page : pages) {
            PortalClient.Page own = a.portal().get(page + query(a.companyId(), aAuditId));
            assertEquals(200, own.status(), page + " opens for its own company");
            PortalClient.Page foreign = a.portal().get(page + query(b.companyId(), bAuditId));
            assertEquals(404, foreign.status(), page + " with company B's id");
            assertFalse(foreign.shows(b.companyName()), page + " must not show company B");
            PortalClient.Page missing = a.portal().get(page + query(999999999L, aAuditId));
            assertEquals(404, missing.status(), page + " with a missing id");
            PortalClient.Page mixed = a.portal().get(page + query(a.companyId(), bAuditId));
            assertTrue(mixed.status() == 404 || !mixed.shows(bAuditTitle) && !mixed.shows("Bravo secret firewall"),
                    page + " with company A's id and company B's audit");
        }
        assertEquals(before, snapshot(b), "company B unchanged");
    }

    @Test
    void everyCompanyApiOperationAnswers404ForAnotherCompanysIds() {
        List<Operation> operations = companyOperations();
        assertTrue(operations.size() >= 10, "the OpenAPI document lists the company API: " + operations);
        String before = snapshot(b);
        for (Operation op : operations) {
            Api.Reply reply = call(a.api(), op, ids(true));
            assertEquals(404, reply.status(), op + " on company B: " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), op + " answers problem+json");
            if (!op.path().equals("/api/companies/{company}")
                    && op.path().matches(".*\\{(member|invitation|endpoint|audit|device|key|policy|remediation|exception|destination)}.*")) {
                Map<String, Long> mixedIds = new java.util.HashMap<>(ids(true));
                mixedIds.put("company", a.companyId());
                Api.Reply mixed = call(a.api(), op, mixedIds);
                assertEquals(404, mixed.status(), op + " with company A's id but company B's object: " + mixed.body());
            }
        }
        assertEquals(before, snapshot(b), "company B unchanged");
    }

    @Test
    void aMemberWithoutTheRoleGets403OnEveryWrite() {
        String before = snapshot(a);
        for (Operation op : companyOperations()) {
            if (!WRITES.contains(op.method())) {
                continue;
            }
            Api.Reply reply = call(aViewer.api(), op, ids(false));
            assertEquals(403, reply.status(), op + " as VIEWER: " + reply.body());
        }
        assertEquals(before, snapshot(a), "company A unchanged");
    }

    @Test
    void aViewerSeesTheCompanyButNotItsAdminPages() {
        for (String page : appPages()) {
            int status = aViewer.portal().get(page + query(a.companyId(), aAuditId)).status();
            boolean adminPage = page.equals("/app/members.xhtml") || page.equals("/app/trail.xhtml")
                    || page.equals("/app/feed.xhtml")
                    || page.equals("/app/patch-settings.xhtml");
            assertEquals(adminPage ? 403 : 200, status, page + " as VIEWER");
        }
        assertEquals(403, aViewer.api().get(a.path("/trail")).status());
        assertEquals(403, aViewer.api().get(a.path("/feed/events")).status());
        assertEquals(403, aViewer.api().get(a.path("/invitations")).status());
        assertEquals(200, aViewer.api().get(a.path("/members")).status());
        assertEquals(200, aViewer.api().get(a.path("")).status());
    }

    @Test
    void anonymousCallersGetNothing() {
        for (Operation op : companyOperations()) {
            Api.Reply reply = call(Api.anonymous(SharedServer.server()), op, ids(false));
            assertEquals(401, reply.status(), op + " without credentials");
        }
        for (String page : appPages()) {
            PortalClient.Page shown = new PortalClient(SharedServer.server())
                    .get(page + query(a.companyId(), aAuditId));
            assertTrue(shown.path().startsWith("/login.xhtml"), page + " leads to the login page, not " + shown.path());
            assertFalse(shown.shows(a.companyName()), page + " must not show the company");
        }
    }

    /** What the owner sees of the company: settings, members, invitations, endpoints, audits and the whole trail. */
    private static String snapshot(Tenant tenant) {
        return String.join("\n", tenant.api().get(tenant.path("")).body(),
                tenant.api().get(tenant.path("/members")).body(),
                tenant.api().get(tenant.path("/invitations")).body(),
                tenant.api().get(tenant.path("/endpoints")).body(),
                tenant.api().get(tenant.path("/audits")).body(),
                tenant.api().get(tenant.path("/devices")).body(),
                tenant.api().get(tenant.path("/patch/policy")).body(),
                tenant.api().get(tenant.path("/patch/api-keys")).body(),
                tenant.api().get(tenant.path("/patch/checks")).body(),
                tenant.api().get(tenant.path("/policies")).body(),
                tenant.api().get(tenant.path("/remediations")).body(),
                tenant.api().get(tenant.path("/remediation-settings")).body(),
                tenant.api().get(tenant.path("/exceptions")).body(),
                tenant.api().get(tenant.path("/exception-settings")).body(),
                tenant.api().get(tenant.path("/trail")).body());
    }

    static List<String> appPages() {
        return SharedServer.operatorApi().get("/api/system/pages").array().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).filter(p -> p.startsWith("/app/")).toList();
    }

    record Operation(String method, String path) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** Every operation of the OpenAPI document whose path takes a company id. */
    static List<Operation> companyOperations() {
        JsonObject paths = openApi().getJsonObject("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> {
            if (path.contains("{company}")) {
                item.asJsonObject().keySet().stream().filter(m -> Set.of("get", "post", "put", "delete", "patch")
                        .contains(m)).forEach(m -> operations.add(new Operation(m, path)));
            }
        });
        return operations;
    }

    private static JsonObject openApi() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(SharedServer.server().url("/openapi"))).header("Accept", "application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "the server publishes its OpenAPI document");
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls the operation with the ids filled in and a body that would be valid for one's own company. */
    private static Api.Reply call(Api api, Operation op, Map<String, Long> ids) {
        String path = op.path();
        for (Map.Entry<String, Long> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", String.valueOf(id.getValue()));
        }
        assertFalse(path.contains("{"), "every path parameter of " + op + " is known to this test; teach it the new one");
        String body = "{\"name\":\"Taken over\",\"clientOs\":\"DEBIAN\",\"timeZone\":\"UTC\",\"role\":\"OWNER\","
                + "\"ciso\":true,\"securityTech\":true,\"email\":\"intruder@caart.test\",\"title\":\"Intrusion\","
                + "\"allEndpoints\":true}";
        return switch (op.method()) {
            case "get" -> api.get(path);
            case "post" -> api.post(path, body);
            case "put" -> api.put(path, body);
            case "delete" -> api.delete(path);
            default -> throw new IllegalStateException("No test for " + op);
        };
    }

    private static long memberId(Api.Reply members, String email) {
        return members.array().stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("email").equals(email)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    /** A remediation of the failing checks an audit of the tenant's agent found (its plan still asked). */
    private static long remediation(Tenant tenant, FakeAgent agent) {
        long audit = Remediating.auditWithFailures(tenant, "Before remediation", agent);
        Api.Reply reply = Remediating.order(tenant.api(), tenant, List.copyOf(Remediating.failing(tenant, audit)
                .values()));
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    /** A one-check CAaRT policy uploaded to the tenant under the given name. */
    private static long uploadPolicy(Tenant tenant, String name) {
        String policy = """
                caart-policy: 1
                id: isolation
                name: Isolation policy
                os: linux
                checks:
                  - id: isolation.forwarding
                    title: No IP forwarding
                    severity: medium
                    check: {type: sysctl, key: net.ipv4.ip_forward, value: 0}
                """;
        Api.Reply reply = tenant.api().post(tenant.path("/policies?name=" + name.replace(" ", "%20")),
                "application/yaml", policy);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static long invite(Tenant tenant, String label) {
        Api.Reply reply = tenant.api().post(tenant.path("/invitations"), "{\"email\":\"" + label + "-"
                + tenant.companyId() + "@caart.test\",\"role\":\"VIEWER\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }
}
