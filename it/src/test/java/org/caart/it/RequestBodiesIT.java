package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Four parallel anonymous 50 MB enroll requests raised four OutOfMemoryErrors: bodies were read and parsed whole
 * before anything refused them. Now every body is capped by path before it is read, and callers are known before
 * their bodies are read.
 */
@ExtendWith(SharedServer.class)
class RequestBodiesIT {

    private static final Duration QUICKLY = Duration.ofSeconds(10);
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    /** Every address that takes a body from anyone, with what an anonymous caller sends there. */
    private static final List<String[]> PUBLIC = List.of(
            new String[] {"POST", "/api/agent/v1/enroll", "json"},
            new String[] {"POST", "/api/agent/v1/heartbeat", "json"},
            new String[] {"POST", "/api/agent/v1/results", "json"},
            new String[] {"GET", "/api/agent/v1/orders", "json", "400"}, // the container refuses a GET with a body
            new String[] {"PUT", "/api/integration/v1/devices/fw/patch-date", "json"},
            new String[] {"POST", "/login.xhtml", "form"},
            new String[] {"POST", "/signup.xhtml", "form"},
            new String[] {"POST", "/invite.xhtml", "form"},
            new String[] {"POST", "/", "form"},
            new String[] {"POST", "/health/ready", "json"},
            new String[] {"POST", "/api/companies", "json"},
            new String[] {"POST", "/api/system/pipeline/probes", "json"},
            // a company archive may be large (no size cap): only the operator's credentials open it
            new String[] {"POST", "/api/system/companies/import", "json"});

    @Test
    void fiftyMegabyteAnonymousBodiesAreRefusedQuicklyOnEveryPublicEndpointFourAtATime() throws Exception {
        CaartServer server = SharedServer.server();
        long residentBefore = residentKiB(server);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BigBody.Answer>> answers = new ArrayList<>();
            for (String[] endpoint : PUBLIC) {
                Map<String, String> headers = endpoint[2].equals("json") ? JSON : FORM;
                answers.add(pool.submit(() -> BigBody.send(server, endpoint[0], endpoint[1], headers,
                        BigBody.FIFTY_MB, false)));
            }
            for (int i = 0; i < PUBLIC.size(); i++) {
                BigBody.Answer answer = answers.get(i).get();
                String what = PUBLIC.get(i)[0] + " " + PUBLIC.get(i)[1] + ": " + answer.head();
                int expected = PUBLIC.get(i).length > 3 ? Integer.parseInt(PUBLIC.get(i)[3])
                        : PUBLIC.get(i)[1].startsWith("/api/companies") || PUBLIC.get(i)[1].startsWith("/api/system")
                        ? 401 : 413;
                assertEquals(expected, answer.status(), what);
                assertTrue(answer.elapsed().compareTo(QUICKLY) < 0, what + " took " + answer.elapsed());
                assertTrue(answer.bytesSent() < BigBody.FIFTY_MB, what + ": the whole body was taken");
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(serverIsHealthy(server));
        long grownMiB = (residentKiB(server) - residentBefore) / 1024;
        System.out.printf("server resident memory grew by %d MiB over %d bodies of 50 MB%n", grownMiB, PUBLIC.size());
        assertTrue(grownMiB < 128, "the bodies were not held in memory: grew by " + grownMiB + " MiB");
    }

    /** The server process's resident memory (VmRSS), in KiB. */
    private static long residentKiB(CaartServer server) throws IOException {
        return Files.readAllLines(java.nio.file.Path.of("/proc", String.valueOf(server.serverProcess().pid()),
                "status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }

    @Test
    void chunkedBodiesAreCountedAndStoppedAtTheirCapOrRefusedBeforeTheyAreRead() throws Exception {
        CaartServer server = SharedServer.server();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<String, Integer> expected = Map.of(
                    "/api/agent/v1/enroll", 413,     // anonymous by nature: counted while read, stopped at 64 KiB
                    "/api/agent/v1/heartbeat", 401,  // the agent is checked before the body is read
                    "/api/agent/v1/results", 401,
                    "/api/integration/v1/devices/fw/patch-date", 401,
                    "/login.xhtml", 411);            // forms are parsed by the container: a length is required
            Map<String, Future<BigBody.Answer>> answers = new java.util.TreeMap<>();
            expected.keySet().forEach(path -> answers.put(path, pool.submit(() -> BigBody.send(server,
                    path.contains("patch-date") ? "PUT" : "POST", path, path.endsWith(".xhtml") ? FORM : JSON,
                    BigBody.FIFTY_MB, true))));
            for (Map.Entry<String, Future<BigBody.Answer>> entry : answers.entrySet()) {
                BigBody.Answer answer = entry.getValue().get();
                assertEquals(expected.get(entry.getKey()), answer.status(), entry.getKey() + ": " + answer.head());
                assertTrue(answer.elapsed().compareTo(QUICKLY) < 0, entry.getKey() + " took " + answer.elapsed());
                assertTrue(answer.bytesSent() < BigBody.FIFTY_MB, entry.getKey() + ": the whole body was taken");
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(serverIsHealthy(server));
    }

    @Test
    void aViewerUploadingAPolicyIsRefusedBeforeTheFileIsReadAndUploadsStopAtTheirLimit() {
        Tenant tenant = Tenant.create("bodies");
        Tenant.Member viewer = tenant.addMember("viewer", "VIEWER");
        CaartServer server = SharedServer.server();
        Map<String, String> viewerAuth = Map.of("Content-Type", "application/x-yaml", "Authorization", basic(
                viewer.email(), viewer.password()));
        Map<String, String> ownerAuth = Map.of("Content-Type", "text/csv", "Authorization", basic(
                tenant.ownerEmail(), tenant.password()));

        BigBody.Answer small = BigBody.send(server, "POST", tenant.path("/policies"), viewerAuth, 2_000, true);
        assertEquals(403, small.status(), small.head());
        BigBody.Answer big = BigBody.send(server, "POST", tenant.path("/policies"), viewerAuth, BigBody.FIFTY_MB,
                true);
        assertEquals(403, big.status(), "the role first, not the size: " + big.head());

        BigBody.Answer policy = BigBody.send(server, "POST", tenant.path("/policies"), ownerAuth, BigBody.FIFTY_MB,
                true);
        assertEquals(413, policy.status(), policy.head());
        BigBody.Answer declared = BigBody.send(server, "POST", tenant.path("/policies"), ownerAuth,
                BigBody.FIFTY_MB, false);
        assertEquals(413, declared.status(), declared.head());
        BigBody.Answer csv = BigBody.send(server, "POST", tenant.path("/devices/import"), ownerAuth,
                BigBody.FIFTY_MB, true);
        assertEquals(413, csv.status(), csv.head());
        assertEquals(0, tenant.api().get(tenant.path("/policies")).array().size());
        assertEquals(0, tenant.api().get(tenant.path("/devices")).array().size());
    }

    private static boolean serverIsHealthy(CaartServer server) throws IOException {
        Api.Reply ready = Api.anonymous(server).get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        String log = Files.readString(server.dataDir().resolve("logs/server.log"));
        assertFalse(log.contains("OutOfMemoryError"), "the server ran out of memory");
        return true;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
