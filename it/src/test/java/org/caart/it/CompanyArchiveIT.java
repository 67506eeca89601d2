package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backup services (issue 19): an owner exports the company (REST and portal), another company and a non-owner
 * cannot; the archive, imported by the operator of another instance as a new company, shows the same audits,
 * results, scores, "failing since", trend, devices and trail, field by field; damaged or hostile archives are
 * refused and change nothing; old audits and the whole company are deleted by the owner with a confirmation, and
 * the trail of a deleted company is kept.
 */
@ExtendWith(SharedServer.class)
class CompanyArchiveIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String DEBIAN = "caart-debian-baseline";

    @Test
    void anArchiveComesBackIdenticalOnAnotherInstanceAndBadOnesChangeNothing() throws Exception {
        Tenant t = Tenant.create("archive");
        Tenant.Member admin = t.addMember("archive-admin", "ADMIN");
        FakeAgent first = FakeAgent.enroll(t, "archived-1");
        FakeAgent second = FakeAgent.enroll(t, "archived-2");
        long completed = audit(t);
        finish(first, 0, 8);
        finish(second, 0, 12);
        AgentApiIT.awaitStatus(t, completed, "COMPLETED");
        long stopped = audit(t);
        String partial = first.nextRun();
        second.nextRun();
        assertEquals(202, first.batch(FakeAgent.newBatchId(), partial, 0, 8, 0, 3, null).status());
        AgentApiIT.awaitRunStatus(t, stopped, "archived-1", "RUNNING");
        assertEquals(200, t.api().post(t.path("/audits/" + stopped + "/stop"), "").status());
        AgentApiIT.awaitStatus(t, stopped, "STOPPED");
        long again = audit(t);
        finish(first, 0, 8);
        finish(second, 4, 12);
        AgentApiIT.awaitStatus(t, again, "COMPLETED");
        // an exception for a failing check, requested by the owner and approved by the admin
        JsonObject failing = t.api().get(t.path("/audits/" + again + "/results?status=FAILED")).array()
                .getJsonObject(0);
        Api.Reply requested = t.api().post(t.path("/exceptions"), Json.createObjectBuilder()
                .add("policyId", ExceptionsIT.policyOf(t, again)).add("checkId", failing.getString("checkId"))
                .add("scope", "COMPANY").add("reason", "Accepted until the vendor's fix")
                .add("expiresOn", LocalDate.now(Tenant.ZONE).plusDays(30).toString()).build().toString());
        assertEquals(201, requested.status(), requested.body());
        long exception = requested.json().getJsonNumber("id").longValue();
        Api.Reply approved = admin.api().post(t.path("/exceptions/" + exception + "/approve"), "{}");
        assertEquals(200, approved.status(), approved.body());
        assertEquals(201, t.api().post(t.path("/devices"), PatchIT.device("firewall 9", "FIREWALL",
                LocalDate.now(Tenant.ZONE).minusDays(40).toString())).status());
        assertEquals(200, t.api().put(t.path("/data/retention"), "{\"keepDays\":400}").status());

        // only an owner of the company exports it
        Tenant other = Tenant.create("archive-other");
        assertEquals(404, download(SharedServer.server(), other.ownerEmail(), other.password(), t.path("/data/export"))
                .statusCode(), "another company's archive is not found");
        assertEquals(403, download(SharedServer.server(), admin.email(), admin.password(), t.path("/data/export"))
                .statusCode(), "an admin is not an owner");

        HttpResponse<byte[]> exported = download(SharedServer.server(), t.ownerEmail(), t.password(),
                t.path("/data/export"));
        assertEquals(200, exported.statusCode(), new String(exported.body(), StandardCharsets.UTF_8));
        assertEquals("application/zip", exported.headers().firstValue("Content-Type").orElse(""));
        assertTrue(exported.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        byte[] archive = exported.body();
        Map<String, byte[]> entries = unzip(archive);
        JsonObject manifest = Json.createReader(new ByteArrayInputStream(entries.get("manifest.json"))).readObject();
        assertEquals(1, manifest.getInt("format"));
        for (JsonValue value : manifest.getJsonArray("files")) {
            JsonObject file = value.asJsonObject();
            assertEquals(file.getString("sha256"), sha256(entries.get(file.getString("path"))), file.toString());
        }
        assertEquals(8 + 12 + 3 + 8 + 12, lines(entries.get("audit/check_result.jsonl")), "every result");
        assertFalse(new String(entries.get("company/membership.jsonl"), StandardCharsets.UTF_8).contains("password"),
                "no password hash leaves the instance");
        assertFalse(new String(entries.get("endpoint/endpoint.jsonl"), StandardCharsets.UTF_8).contains("secret"),
                "no agent secret leaves the instance");

        // the portal's download button is the same archive
        PortalClient.Page page = t.portal().submit("/app/company.xhtml?company=" + t.companyId(), "archive",
                "download", Map.of());
        assertEquals("application/zip", page.raw().headers().firstValue("Content-Type").orElse(""));
        assertTrue(page.body().startsWith("PK"), "a zip file");

        Map<String, String> env = new LinkedHashMap<>(TestDatabases.blank("archive"));
        String operatorPassword = SharedServer.randomPassword();
        env.put("CAART_TEST_MODE", "true");
        env.put("CAART_ADMIN_EMAIL", SharedServer.OPERATOR);
        env.put("CAART_ADMIN_PASSWORD", operatorPassword);
        try (CaartServer target = CaartServer.configure("archive-target", env).start()) {
            PortalClient owner = PortalClient.signUp(target, t.ownerEmail(), t.password());
            Api ownerApi = new Api(target, t.ownerEmail(), t.password());
            String importPath = "/api/system/companies/import?owner=" + t.ownerEmail();

            // refused archives change nothing
            assertRefused(target, operatorPassword, importPath, change(archive, "audit/check_result.jsonl",
                    bytes -> new String(bytes, StandardCharsets.UTF_8).replace("FAILED", "PASSED")
                            .getBytes(StandardCharsets.UTF_8)), "does not match its SHA-256");
            assertRefused(target, operatorPassword, importPath, change(archive, "manifest.json",
                    bytes -> new String(bytes, StandardCharsets.UTF_8).replaceFirst("\"format\" : 1", "\"format\" : 9")
                            .getBytes(StandardCharsets.UTF_8)), "made by a newer CAaRT (format 9)");
            assertRefused(target, operatorPassword, importPath, add(archive, "../../../tmp/caart-slip", new byte[10]),
                    "an entry its manifest does not list: ../../../tmp/caart-slip");
            assertRefused(target, operatorPassword, importPath, bomb(archive), "zip bomb");
            assertRefused(target, operatorPassword, importPath, "not a zip".getBytes(StandardCharsets.UTF_8),
                    "not a zip file");
            assertEquals(0, ownerApi.get("/api/companies").array().size(), "no company after the refusals");

            HttpResponse<String> imported = send(target, SharedServer.OPERATOR, operatorPassword, importPath,
                    archive);
            assertEquals(201, imported.statusCode(), imported.body());
            JsonObject summary = Json.createReader(new java.io.StringReader(imported.body())).readObject();
            long copy = summary.getJsonNumber("companyId").longValue();
            assertEquals(t.companyName(), summary.getString("companyName"));
            assertTrue(summary.getJsonArray("notes").toString().contains(admin.email()),
                    "the member without an account here is named: " + summary);

            Tenant moved = new Tenant(t.ownerEmail(), t.password(), copy, t.companyName(), owner, ownerApi);
            assertSameAudits(t, moved);
            assertEquals(sections(dashboard(t)), sections(dashboard(moved)),
                    "company score, failing checks with their 'failing since', scores per endpoint, trend");
            assertEquals(strip(t.api().get(t.path("/devices")).array(), "id", "endpointId"),
                    strip(moved.api().get(moved.path("/devices")).array(), "id", "endpointId"), "devices");
            assertEquals(strip(t.api().get(t.path("/endpoints")).array(), "id", "agentId"),
                    strip(moved.api().get(moved.path("/endpoints")).array(), "id", "agentId"), "endpoints");
            assertEquals(strip(t.api().get(t.path("/exceptions")).array(), "id", "endpointId"),
                    strip(moved.api().get(moved.path("/exceptions")).array(), "id", "endpointId"),
                    "exceptions with their decision and evidence");
            assertEquals(400, moved.api().get(moved.path("/data/retention")).json().getInt("keepDays"));
            List<String> trail = actions(moved.api().get(moved.path("/trail")).array());
            assertTrue(trail.contains("company.import"), trail.toString());
            assertTrue(trail.containsAll(actions(t.api().get(t.path("/trail")).array())), trail.toString());

            // the same archive imported again is another company, never merged
            HttpResponse<String> twice = send(target, SharedServer.OPERATOR, operatorPassword,
                    importPath + "&name=Second%20copy", archive);
            assertEquals(201, twice.statusCode(), twice.body());
            assertNotEquals(copy, Json.createReader(new java.io.StringReader(twice.body())).readObject()
                    .getJsonNumber("companyId").longValue());
            assertEquals(2, ownerApi.get("/api/companies").array().size());
        }
    }

    @Test
    void theOwnerDeletesOldAuditsAndTheCompanyAndTheTrailOutlivesIt() {
        Tenant t = Tenant.create("deleted");
        Tenant other = Tenant.create("deleted-other");
        FakeAgent agent = FakeAgent.enroll(t, "deleted-1");
        long old = audit(t);
        finish(agent, 0, 8);
        AgentApiIT.awaitStatus(t, old, "COMPLETED");
        String tomorrow = LocalDate.now(Tenant.ZONE).plusDays(1).toString();

        String body = "{\"before\":\"" + tomorrow + "\",\"confirmation\":\"" + t.companyName() + "\"}";
        assertEquals(404, other.api().post(t.path("/data/delete-audits"), body).status(), "another company");
        Api.Reply unconfirmed = t.api().post(t.path("/data/delete-audits"), "{\"before\":\"" + tomorrow
                + "\",\"confirmation\":\"yes\"}");
        assertEquals(400, unconfirmed.status());
        assertTrue(unconfirmed.body().contains("Type the company's name"), unconfirmed.body());
        assertEquals(1, t.api().get(t.path("/audits")).array().size(), "nothing deleted without confirmation");
        Api.Reply deleted = t.api().post(t.path("/data/delete-audits"), body);
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals(1, deleted.json().getInt("audits"));
        assertEquals(8, deleted.json().getInt("results"));
        assertEquals(0, t.api().get(t.path("/audits")).array().size());
        assertTrue(actions(t.api().get(t.path("/trail")).array()).contains("audit.delete-before"));

        assertEquals(404, other.api().post(t.path("/data/delete"), "{\"confirmation\":\"" + t.companyName() + "\"}")
                .status(), "another company cannot delete it");
        assertEquals(400, t.api().post(t.path("/data/delete"), "{\"confirmation\":\"nope\"}").status());
        assertEquals(204, t.api().post(t.path("/data/delete"), "{\"confirmation\":\"" + t.companyName() + "\"}")
                .status());
        assertEquals(404, t.api().get(t.path("")).status(), "the company is gone");
        assertEquals(0, t.api().get("/api/companies").array().size());
        assertEquals(200, other.api().get(other.path("")).status(), "the other company is untouched");

        Api operator = SharedServer.operatorApi();
        List<String> kept = actions(operator.get("/api/system/trail?company=" + t.companyId()).array());
        assertTrue(kept.containsAll(List.of("company.delete", "audit.delete-before", "company.create")),
                "the trail of the deleted company is kept: " + kept);
        assertTrue(operator.get("/api/system/companies/deletions").array().stream().map(JsonValue::asJsonObject)
                .anyMatch(d -> d.getJsonNumber("companyId").longValue() == t.companyId()
                        && d.getString("deletedBy").equals(t.ownerEmail())));
    }

    @Test
    void theDailyRetentionRemovesAuditsPastTheCompanysDays() {
        Tenant t = Tenant.create("retention");
        FakeAgent agent = FakeAgent.enroll(t, "retained-1");
        long audit = audit(t);
        finish(agent, 0, 4);
        AgentApiIT.awaitStatus(t, audit, "COMPLETED");
        assertEquals(400, t.api().put(t.path("/data/retention"), "{\"keepDays\":0}").status());
        assertEquals(200, t.api().put(t.path("/data/retention"), "{\"keepDays\":2}").status());
        Api operator = SharedServer.operatorApi();
        LocalDate later = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3);
        try {
            assertEquals(204, operator.put("/api/system/clock", "{\"now\":\"" + later + "T05:00:00Z\"}").status());
            assertEquals(200, operator.post("/api/system/jobs/tick", null).status());
            assertEquals(404, t.api().get(t.path("/audits/" + audit)).status(), "the audit is past 2 days");
            assertTrue(actions(t.api().get(t.path("/trail")).array()).contains("audit.retention-removed"));
            assertTrue(operator.get("/api/system/jobs").array().stream().map(JsonValue::asJsonObject)
                    .anyMatch(r -> r.getString("job").equals("audit-retention")
                            && r.getJsonNumber("scopeId").longValue() == t.companyId()));
        } finally {
            operator.delete("/api/system/clock");
        }
    }

    private static long audit(Tenant t) {
        Api.Reply reply = t.api().post(t.path("/audits"), "{\"title\":\"Archived " + UUID.randomUUID()
                + "\",\"allEndpoints\":true,\"policy\":\"" + DEBIAN + "\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static void finish(FakeAgent agent, int from, int count) {
        String run = agent.nextRun();
        assertEquals(202, agent.batch(FakeAgent.newBatchId(), run, 0, count, from, count, "COMPLETED").status());
    }

    /** Every audit, run and result of the two companies, field by field, ids aside. */
    private static void assertSameAudits(Tenant source, Tenant copy) {
        JsonArray before = source.api().get(source.path("/audits")).array();
        JsonArray after = copy.api().get(copy.path("/audits")).array();
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            JsonObject a = before.getJsonObject(i);
            JsonObject b = after.getJsonObject(i);
            assertEquals(strip(a, "id", "runs"), strip(b, "id", "runs"), "audit " + a.getString("title"));
            assertEquals(strip(a.getJsonArray("runs"), "id", "endpointId"),
                    strip(b.getJsonArray("runs"), "id", "endpointId"), "runs of " + a.getString("title"));
            JsonArray results = source.api().get(source.path("/audits/" + a.getJsonNumber("id") + "/results"))
                    .array();
            JsonArray copied = copy.api().get(copy.path("/audits/" + b.getJsonNumber("id") + "/results")).array();
            assertTrue(results.size() > 0 || a.getString("status").equals("STOPPED"), a.toString());
            assertEquals(strip(results, "id", "runId", "exceptionId"), strip(copied, "id", "runId", "exceptionId"),
                    "results with their evidence of " + a.getString("title"));
        }
    }

    private static List<JsonObject> strip(JsonArray array, String... ignored) {
        return array.stream().map(v -> strip(v.asJsonObject(), ignored)).toList();
    }

    private static JsonObject strip(JsonObject object, String... ignored) {
        var builder = Json.createObjectBuilder(object);
        for (String field : ignored) {
            builder.remove(field);
        }
        return builder.build();
    }

    private static List<String> actions(JsonArray trail) {
        return trail.stream().map(v -> v.asJsonObject().getString("action")).toList();
    }

    private static String dashboard(Tenant t) {
        return t.portal().get("/app/dashboard.xhtml?company=" + t.companyId()).body();
    }

    /** The dashboard's figures and tables as text (links' targets, which hold ids, left out). */
    private static List<String> sections(String page) {
        List<String> found = new ArrayList<>();
        for (String id : List.of("companyScore", "failingCount", "endpointScores", "failing", "latest",
                "companyScoreWithExceptions", "exceptedCount")) {
            Matcher m = Pattern.compile("id=\"(?:[^\"]*:)?" + id + "\"[^>]*>(.*?)(</table>|</strong>)",
                    Pattern.DOTALL).matcher(page);
            found.add(id + ": " + (m.find() ? m.group(1).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim()
                    : "(missing)"));
        }
        Matcher trend = Pattern.compile("<polyline points=\"([^\"]*)\"").matcher(page);
        while (trend.find()) {
            found.add("trend " + trend.group(1));
        }
        assertTrue(found.get(3).contains("archived-"), "failing checks are listed: " + found);
        return found;
    }

    private static void assertRefused(CaartServer target, String password, String path, byte[] archive,
            String reason) {
        HttpResponse<String> reply = send(target, SharedServer.OPERATOR, password, path, archive);
        assertEquals(400, reply.statusCode(), reply.body());
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").contains("problem+json"), reply.body());
        assertTrue(reply.body().contains(reason), reason + " in " + reply.body());
    }

    static HttpResponse<byte[]> download(CaartServer server, String user, String password, String path) {
        return exchange(HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", basic(user,
                password)).POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> send(CaartServer server, String user, String password, String path, byte[] body) {
        return exchange(HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", basic(user,
                password)).header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                HttpResponse.BodyHandlers.ofString());
    }

    private static <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(120)).build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] change(byte[] archive, String name, UnaryOperator<byte[]> edit) throws IOException {
        Map<String, byte[]> entries = unzip(archive);
        entries.put(name, edit.apply(entries.get(name)));
        return zip(entries);
    }

    private static byte[] add(byte[] archive, String name, byte[] content) throws IOException {
        Map<String, byte[]> entries = unzip(archive);
        entries.put(name, content);
        return zip(entries);
    }

    /** The trail file replaced by 20 MB of spaces (a few dozen KB packed), its manifest entry unchanged. */
    private static byte[] bomb(byte[] archive) throws IOException {
        Map<String, byte[]> entries = unzip(archive);
        byte[] spaces = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        entries.put("trail/trail_event.jsonl", spaces);
        return zip(entries);
    }

    private static long lines(byte[] file) {
        return new String(file, StandardCharsets.UTF_8).lines().count();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
