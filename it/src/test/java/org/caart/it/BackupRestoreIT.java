package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The restore drill on the embedded defaults (H2 and the embedded broker): a server with a company, devices, an
 * enrolled endpoint and an audit with results is stopped and backed up with {@code caart backup}; a fresh data
 * folder restored with {@code caart restore} starts a new server that shows the same data. A backup of a running
 * server and a restore over existing data are refused and change nothing.
 */
class BackupRestoreIT {

    private static final String OPERATOR = "ops@caart.test";

    @Test
    void aServerStartedFromTheRestoredFolderFindsEverything() throws Exception {
        String operatorPassword = SharedServer.randomPassword();
        Map<String, String> env = new HashMap<>();
        env.put("CAART_DB_URL", ""); // the embedded H2 database also when the pass runs on PostgreSQL
        env.put("CAART_ADMIN_EMAIL", OPERATOR);
        env.put("CAART_ADMIN_PASSWORD", operatorPassword);
        env.put("CAART_START_TIMEOUT", "400"); // two starts on a machine that may be busy
        CaartServer original = CaartServer.configure("backup-original", env);
        Path backup = CaartServer.workDir().resolve("backup-" + System.nanoTime());
        Snapshot before;
        try {
            original.start();
            before = populate(original);
            Launch refused = caart(original.dataDir(), "backup", backup.toString());
            assertEquals(1, refused.exit(), refused.output());
            assertTrue(refused.output().contains("CAaRT is running on"), refused.output());
            assertTrue(!Files.exists(backup) || isEmpty(backup), "a refused backup writes nothing");
        } finally {
            original.close();
        }

        Launch backedUp = caart(original.dataDir(), "backup", backup.toString());
        assertEquals(0, backedUp.exit(), backedUp.output());
        assertOwnerOnly(backup);
        assertTrue(Files.isDirectory(backup.resolve("db")) && Files.isDirectory(backup.resolve("broker")),
                backedUp.output());

        Launch overExisting = caart(original.dataDir(), "restore", backup.toString());
        assertEquals(1, overExisting.exit(), overExisting.output());
        assertTrue(overExisting.output().contains("already holds data"), overExisting.output());
        Launch notABackup = caart(CaartServer.workDir().resolve("nowhere-" + System.nanoTime()), "restore",
                original.dataDir().toString());
        assertEquals(1, notABackup.exit());
        assertTrue(notABackup.output().contains("is not a CAaRT backup"), notABackup.output());

        CaartServer restored = CaartServer.configure("backup-restored", env);
        Launch restoring = caart(restored.dataDir(), "restore", backup.toString());
        assertEquals(0, restoring.exit(), restoring.output());
        assertOwnerOnly(restored.dataDir());
        try {
            restored.start();
            Snapshot after = snapshot(restored, before.email(), before.password(), before.company(), before.audit());
            assertEquals(before, after);
            System.out.printf("BackupRestoreIT: %d devices, %d endpoints, %d results restored and compared%n",
                    after.devices().size(), after.endpoints().size(), after.results().size());
        } finally {
            restored.close();
        }
    }

    /** A company with two devices, an enrolled endpoint and a finished audit of 40 results. */
    private static Snapshot populate(CaartServer server) {
        String email = "backup-" + UUID.randomUUID().toString().substring(0, 8) + "@caart.test";
        String password = SharedServer.randomPassword();
        PortalClient.signUp(server, email, password);
        Api owner = new Api(server, email, password);
        long company = owner.post("/api/companies", "{\"name\":\"Restored clinic\",\"clientOs\":\"DEBIAN\","
                + "\"timeZone\":\"Europe/Berlin\",\"postalAddress\":\"1 Main St\"}").json().getJsonNumber("id")
                .longValue();
        String base = "/api/companies/" + company;
        assertEquals(201, owner.post(base + "/devices", PatchIT.device("branch-fw", "FIREWALL", "2026-10-28"))
                .status());
        assertEquals(201, owner.post(base + "/devices", PatchIT.device("core-switch", "SWITCH", "2026-09-30"))
                .status());
        String token = owner.post(base + "/enrollment-tokens", "").json().getString("token");
        FakeAgent agent = FakeAgent.enroll(server, token, "restored-host");
        long audit = owner.post(base + "/audits", "{\"title\":\"Before the backup\",\"allEndpoints\":true}").json()
                .getJsonNumber("id").longValue();
        String run = Wait.until(Duration.ofSeconds(60), () -> {
            Api.Reply orders = FakeAgent.send(server, agent, "GET", "/api/agent/v1/orders?waitSeconds=5", null);
            return orders.json().getJsonArray("start").isEmpty() ? null
                    : orders.json().getJsonArray("start").getJsonObject(0).getString("runId");
        });
        String first = FakeAgent.batchJson(FakeAgent.newBatchId(), run, 0, 40, 0, 25, null).toString();
        String last = FakeAgent.batchJson(FakeAgent.newBatchId(), run, 1, 40, 25, 15, "COMPLETED").toString();
        assertEquals(202, FakeAgent.send(server, agent, "POST", "/api/agent/v1/results", first).status());
        assertEquals(202, FakeAgent.send(server, agent, "POST", "/api/agent/v1/results", last).status());
        Wait.until(Duration.ofSeconds(60), () -> owner.get(base + "/audits/" + audit).json().getString("status")
                .equals("COMPLETED") ? true : null);
        Snapshot snapshot = snapshot(server, email, password, company, audit);
        assertEquals(40, snapshot.results().size());
        assertEquals(3, snapshot.devices().size(), "two by hand and the endpoint's own");
        return snapshot;
    }

    /** What the owner sees through the API, as comparable text (ids, names, statuses, dates, evidence). */
    private static Snapshot snapshot(CaartServer server, String email, String password, long company, long audit) {
        Api owner = new Api(server, email, password);
        String base = "/api/companies/" + company;
        JsonObject settings = owner.get(base).json();
        List<String> devices = fields(owner.get(base + "/devices").array(), "id", "name", "type", "criticality",
                "lastPatchDate", "status");
        List<String> endpoints = fields(owner.get(base + "/endpoints").array(), "id", "hostname", "status");
        JsonObject auditView = owner.get(base + "/audits/" + audit).json();
        List<String> results = fields(owner.get(base + "/audits/" + audit + "/results").array(), "checkId",
                "status", "severity", "observed");
        return new Snapshot(email, password, company, audit, settings.getString("name") + "|"
                + settings.getString("timeZone"), devices, endpoints, auditView.getString("title") + "|"
                + auditView.getString("status"), results);
    }

    private static List<String> fields(JsonArray rows, String... names) {
        return rows.stream().map(JsonValue::asJsonObject).map(row -> Stream.of(names)
                .map(name -> name + "=" + (row.containsKey(name) ? row.get(name).toString() : "-"))
                .collect(Collectors.joining(","))).sorted().toList();
    }

    record Snapshot(String email, String password, long company, long audit, String settings, List<String> devices,
            List<String> endpoints, String auditView, List<String> results) {
    }

    record Launch(int exit, String output) {
    }

    /** bin/caart with a verb, as an operator runs it, on the data folder. */
    private static Launch caart(Path dataDir, String... args) throws IOException, InterruptedException {
        Path distribution = Path.of(System.getProperty("caart.distribution", "../distribution/target/caart"));
        List<String> command = new java.util.ArrayList<>(List.of(distribution.resolve("bin").resolve("caart")
                .toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("CAART_"));
        builder.environment().put("CAART_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("caart " + args[0] + " did not end: " + output);
        }
        return new Launch(process.exitValue(), output);
    }

    /** The folder and every folder in it 0700, every file 0600. */
    private static void assertOwnerOnly(Path root) throws IOException {
        Set<String> wider = new TreeSet<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(path -> {
                try {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                    if (!mode.equals(Files.isDirectory(path) ? "rwx------" : "rw-------")) {
                        wider.add(root.relativize(path) + " " + mode);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertEquals(Set.of(), wider, "everything in " + root + " is its owner's only");
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
