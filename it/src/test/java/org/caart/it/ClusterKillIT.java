package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.activemq.broker.BrokerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three instances clustered over Hazelcast (TCP members on loopback) on one PostgreSQL database and one external
 * ActiveMQ broker, behind HAProxy. While simulated agents stream result batches through the balancer and a user
 * who signed in with "remember me" keeps opening portal pages, the instance holding the user's session is killed
 * with SIGKILL, three times (restarted before the next kill). Every batch answered 202 is stored exactly once, the
 * agents carry on through the other instances, the user is never sent to the sign-in page, the daily patch check
 * runs once per company and day and each digest is delivered once. Heavy: its own pass in .ci/run, not in the
 * default integration run (it/pom.xml).
 */
class ClusterKillIT {

    private static final String BASE_URL = System.getenv().getOrDefault("CAART_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String DB_USER = System.getenv().getOrDefault("CAART_TEST_DB_USER", "postgres");
    private static final String DB_PASSWORD = System.getenv().getOrDefault("CAART_TEST_DB_PASSWORD", "");
    private static final int INSTANCES = 3;
    private static final int KILLS = 3;
    private static final int AGENTS = 6;
    private static final int RESULTS_PER_BATCH = 20;
    private static final LocalDate FIRST_DAY = LocalDate.of(2200, 3, 1);

    private final String database = "caart_it_cluster_" + Long.toString(System.nanoTime(), 36);
    private final Path work = CaartServer.workDir().resolve("cluster-" + System.nanoTime());
    private final BrokerService broker = new BrokerService();
    private final List<CaartServer> servers = new ArrayList<>();
    private final String operatorPassword = SharedServer.randomPassword();
    private final ExecutorService threads = Executors.newFixedThreadPool(AGENTS + 4);
    private GreenMail mail;
    private Balancer balancer;
    /** How far the instances' test clocks are ahead of the real one: a restarted instance starts with it. */
    private volatile Duration clockAhead = Duration.ZERO;

    @AfterEach
    void stopEverything() throws Exception {
        threads.shutdownNow();
        if (balancer != null) {
            balancer.close();
        }
        servers.forEach(CaartServer::close);
        if (mail != null) {
            mail.stop();
        }
        broker.stop();
        sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void killingInstancesLosesNoBatchAndNoSignedInUser() throws Exception {
        startCluster();
        CaartServer front = balancer.front();

        String email = "ciso-" + UUID.randomUUID().toString().substring(0, 8) + "@caart.test";
        String password = SharedServer.randomPassword();
        PortalClient.signUp(front, email, password);
        Api owner = new Api(front, email, password);
        String companyName = "Cluster clinic " + UUID.randomUUID().toString().substring(0, 6);
        long company = owner.post("/api/companies", "{\"name\":\"" + companyName + "\",\"clientOs\":\"DEBIAN\","
                + "\"timeZone\":\"UTC\"}").json().getJsonNumber("id").longValue();
        long member = owner.get("/api/companies/" + company + "/members").array().getJsonObject(0)
                .getJsonNumber("id").longValue();
        assertEquals(200, owner.put("/api/companies/" + company + "/members/" + member,
                "{\"role\":\"OWNER\",\"ciso\":true,\"securityTech\":false}").status());
        moveClocks(FIRST_DAY + "T01:00:00Z");
        assertEquals(201, owner.post("/api/companies/" + company + "/devices", PatchIT.device("edge firewall",
                "FIREWALL", FIRST_DAY.minusDays(90).toString())).status());

        PortalClient user = new PortalClient(front);
        assertTrue(user.login(email, password, true).path().startsWith("/app/"), "signed in through the balancer");

        List<StreamingAgent> agents = enrollAgents(front, owner, company);
        AtomicBoolean running = new AtomicBoolean(true);
        List<CompletableFuture<Void>> streams = agents.stream()
                .map(agent -> CompletableFuture.runAsync(() -> agent.stream(running), threads)).toList();
        UserSession session = new UserSession(user, owner, company);
        CompletableFuture<Void> browsing = CompletableFuture.runAsync(() -> session.browse(running), threads);

        // the cost of a batch through the cluster before anything is killed: the three servers' CPU time per batch
        awaitProgress(agents, 5);
        long cpuBefore = serverCpuMillis();
        int batchesBefore = accepted(agents);
        long startNanos = System.nanoTime();
        awaitProgress(agents, 20);
        long steadyBatches = accepted(agents) - batchesBefore;
        double steadySeconds = (System.nanoTime() - startNanos) / 1e9;
        double cpuPerBatch = (serverCpuMillis() - cpuBefore) / (double) steadyBatches;

        List<String> victims = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            awaitProgress(agents, 15);
            String node = user.cookie(Balancer.NODE_COOKIE).orElseThrow().getValue();
            CaartServer victim = servers.get(Integer.parseInt(node.substring(1)) - 1);
            victims.add(node);
            victim.kill();
            int before = accepted(agents);
            LocalDate day = FIRST_DAY.plusDays(kill);
            tickDay(day, servers.stream().filter(s -> s != victim).toList());
            Wait.until(Duration.ofSeconds(60), () -> accepted(agents) >= before + 3 * AGENTS ? true : null);
            session.assertSignedIn("after killing " + node);
            victim.putEnv("CAART_TEST_CLOCK_OFFSET", clockAhead.toString()); // the cluster's time from the start
            startWithThreadDump(victim, "restart-" + kill + "-" + node);
            assertClockOf(victim, agents.get(0).agent);
            tick(List.of(victim)); // the restarted instance finds the day's run in the ledger
            awaitBalancerUses(front, node);
        }
        awaitProgress(agents, 15);
        running.set(false);
        CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).get();
        browsing.get();

        Set<String> accepted = agents.stream().flatMap(a -> a.accepted.stream()).collect(Collectors.toSet());
        Wait.until(Duration.ofSeconds(180), () -> count("SELECT count(*) FROM ingested_batch") >= accepted.size()
                ? true : null);
        Thread.sleep(3_000); // anything still on its way would show now
        Set<String> stored = batchIds();
        long results = count("SELECT count(*) FROM check_result");
        long duplicates = count("SELECT count(*) FROM (SELECT run_id, check_id FROM check_result "
                + "GROUP BY run_id, check_id HAVING count(*) > 1) d");

        long resultBytes = count("SELECT pg_total_relation_size('check_result')");
        long textBytes = count("SELECT pg_total_relation_size('check_text')");

        List<LocalDate> days = IntStream.range(0, KILLS).mapToObj(FIRST_DAY::plusDays).toList();
        moveClocks(days.get(days.size() - 1) + "T07:00:00Z");
        Wait.until(Duration.ofSeconds(120), () -> count("SELECT count(*) FROM outbox_mail WHERE status <> 'SENT'") == 0
                ? true : null);
        Thread.sleep(12_000); // a full delivery round of every instance
        long digests = java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> subject(m).contains(companyName + ": ")).count();
        long queuedDigests = count("SELECT count(*) FROM outbox_mail WHERE company_id = " + company
                + " AND subject LIKE '%overdue, %'");
        long checkRuns = count("SELECT count(*) FROM job_run WHERE job = 'patch-check' AND scope_id = " + company);

        System.out.printf("ClusterKillIT: instances %d, kills %d (%s), agents %d, batches accepted %d (retried sends"
                + " %d), stored %d, results %d, duplicate results %d; user pages %d (transient"
                + " 5xx or connection errors %d, sign-in page shown %d); daily checks %d, digests queued %d,"
                + " delivered %d%n", INSTANCES, KILLS, String.join(",", victims), AGENTS, accepted.size(),
                agents.stream().mapToInt(a -> a.retries.get()).sum(), stored.size(), results,
                duplicates, session.pages.get(), session.transientErrors.get(), session.signedOut.get(), checkRuns,
                queuedDigests, digests);
        System.out.printf("ClusterKillIT: before the kills %d batches of %d results in %.1f s (%.1f batches/s from %d"
                + " paced agents), the three servers' CPU %.1f ms per batch%n", steadyBatches, RESULTS_PER_BATCH,
                steadySeconds, steadyBatches / steadySeconds, AGENTS, cpuPerBatch);
        System.out.printf("ClusterKillIT: check_result %d bytes for %d rows (indexes included): %d bytes per result,"
                + " %.0f MiB per million; check_text %d bytes%n", resultBytes, results, resultBytes / Math.max(1,
                results), resultBytes * 1e6 / Math.max(1, results) / (1 << 20), textBytes);

        assertEquals(KILLS, victims.size());
        assertEquals(accepted, stored, "every accepted batch is stored, and nothing else");
        assertEquals((long) accepted.size() * RESULTS_PER_BATCH, results);
        assertEquals(0, duplicates);
        String streamedRuns = agents.stream().map(a -> "'" + a.runId + "'").collect(Collectors.joining(","));
        assertEquals(AGENTS, count("SELECT count(*) FROM audit_run WHERE status = 'RUNNING' AND id IN ("
                + streamedRuns + ")"), "every streamed run is still running: none was failed or ended by the kills");
        assertEquals(0, session.signedOut.get(), "the signed-in user never lands on the sign-in page");
        assertTrue(session.pages.get() > 20, "the user kept working: " + session.pages.get() + " pages");
        for (LocalDate day : days) {
            assertEquals(1, count("SELECT count(*) FROM patch_check WHERE kind = 'DAILY' AND company_id = " + company
                    + " AND run_date = DATE '" + day + "'"), "one daily check on " + day);
        }
        assertEquals(queuedDigests, digests, "each digest delivered once");
        assertTrue(digests >= KILLS, "a digest per test day: " + digests);
    }

    private void startCluster() throws Exception {
        sql("CREATE DATABASE " + database);
        int brokerPort = CaartServer.freePort();
        broker.setBrokerName("cluster-" + brokerPort);
        broker.setDataDirectoryFile(work.resolve("broker").toFile());
        broker.setPersistent(true);
        broker.setUseJmx(false);
        broker.addConnector("tcp://127.0.0.1:" + brokerPort);
        broker.start();
        mail = new GreenMail(new ServerSetup(CaartServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();

        List<Integer> gridPorts = IntStream.range(0, INSTANCES).mapToObj(i -> CaartServer.freePort()).toList();
        String members = gridPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        String clusterName = UUID.randomUUID().toString().replace("-", "");
        for (int i = 0; i < INSTANCES; i++) {
            Map<String, String> env = new HashMap<>();
            env.put("CAART_DB_URL", databaseUrl());
            env.put("CAART_DB_USER", DB_USER);
            env.put("CAART_DB_PASSWORD", DB_PASSWORD);
            env.put("CAART_BROKER_URL", "tcp://127.0.0.1:" + brokerPort);
            env.put("CAART_CLUSTER", "true");
            env.put("CAART_CLUSTER_NAME", clusterName);
            env.put("CAART_CLUSTER_INTERFACE", "127.0.0.1");
            env.put("CAART_HTTP_INTERFACE", "127.0.0.1");
            env.put("CAART_CLUSTER_MEMBERS", members);
            env.put("CAART_CLUSTER_PORT", String.valueOf(gridPorts.get(i)));
            env.put("CAART_TEST_MODE", "true");
            env.put("CAART_ADMIN_EMAIL", SharedServer.OPERATOR);
            env.put("CAART_ADMIN_PASSWORD", operatorPassword);
            env.put("CAART_SMTP_HOST", "127.0.0.1");
            env.put("CAART_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()));
            env.put("CAART_SMTP_FROM", "CAaRT <caart@caart.test>");
            env.put("CAART_PUBLIC_URL", SharedServer.PUBLIC_URL);
            env.put("CAART_TRUSTED_PROXIES", "127.0.0.1");
            env.put("CAART_START_TIMEOUT", "300");
            // the test moves the clocks a day at a time; a run stays running over such a jump
            env.put("CAART_AUDIT_SILENT_RUN_MINUTES", String.valueOf(Duration.ofDays(10).toMinutes()));
            servers.add(CaartServer.configure("node" + (i + 1), env));
        }
        servers.get(0).start(); // the first one migrates the schema alone
        CompletableFuture.allOf(servers.subList(1, INSTANCES).stream()
                .map(s -> CompletableFuture.runAsync(s::start, threads)).toArray(CompletableFuture[]::new)).get();
        for (CaartServer server : servers) { // HTTP and grid on loopback only, nothing else listening
            Set<String> sockets = ListeningSockets.of(server.serverProcess().pid());
            assertTrue(sockets.contains("127.0.0.1:" + server.port()), sockets.toString());
            assertTrue(sockets.stream().allMatch(socket -> socket.startsWith("127.0.0.1:")), sockets.toString());
        }
        balancer = Balancer.start(work.resolve("haproxy"), servers.stream().map(CaartServer::port).toList());
    }

    private List<StreamingAgent> enrollAgents(CaartServer front, Api owner, long company) {
        List<StreamingAgent> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            Api.Reply token = owner.post("/api/companies/" + company + "/enrollment-tokens", "");
            assertEquals(201, token.status(), token.body());
            agents.add(new StreamingAgent(front, FakeAgent.enroll(front, token.json().getString("token"),
                    "cluster-host-" + i)));
        }
        assertEquals(201, owner.post("/api/companies/" + company + "/audits",
                "{\"title\":\"Cluster audit\",\"allEndpoints\":true}").status());
        for (StreamingAgent agent : agents) {
            agent.runId = Wait.until(Duration.ofSeconds(60), () -> {
                Api.Reply orders = FakeAgent.send(front, agent.agent, "GET", "/api/agent/v1/orders?waitSeconds=5",
                        null);
                return orders.status() == 200 && !orders.json().getJsonArray("start").isEmpty()
                        ? orders.json().getJsonArray("start").getJsonObject(0).getString("runId") : null;
            });
        }
        return agents;
    }

    /** Sets the test clock of every running instance (each keeps its own) and runs what is due on each at once. */
    private void tickDay(LocalDate day, List<CaartServer> running) throws Exception {
        String now = day + "T06:30:00Z";
        clockAhead = Duration.between(Instant.now(), Instant.parse(now));
        for (CaartServer server : running) {
            assertEquals(204, new Api(server, SharedServer.OPERATOR, operatorPassword)
                    .put("/api/system/clock", "{\"now\":\"" + now + "\"}").status());
        }
        tick(running);
    }

    /** Runs the daily jobs due now on each of the instances, all at once. */
    private void tick(List<CaartServer> running) throws Exception {
        List<Api> operators = running.stream().map(s -> new Api(s, SharedServer.OPERATOR, operatorPassword)).toList();
        List<CompletableFuture<Integer>> ticks = operators.stream().map(op -> CompletableFuture.supplyAsync(
                () -> op.post("/api/system/jobs/tick", null).status(), threads)).toList();
        for (CompletableFuture<Integer> tick : ticks) {
            assertEquals(200, tick.get());
        }
    }

    private void moveClocks(String now) {
        clockAhead = Duration.between(Instant.now(), Instant.parse(now));
        for (CaartServer server : servers) {
            assertEquals(204, new Api(server, SharedServer.OPERATOR, operatorPassword)
                    .put("/api/system/clock", "{\"now\":\"" + now + "\"}").status());
        }
    }

    /**
     * A restarted instance reads the cluster's time from its start (CAART_TEST_CLOCK_OFFSET): its own answer to a
     * heartbeat, sent to it directly, is within a minute of the time the others keep.
     */
    private void assertClockOf(CaartServer server, FakeAgent agent) {
        Api.Reply beat = FakeAgent.send(server, agent, "POST", "/api/agent/v1/heartbeat", jakarta.json.Json
                .createObjectBuilder().add("host", FakeAgent.host(agent.hostname)).add("droppedBatches", 0)
                .add("spooledBatches", 0).build().toString());
        assertEquals(200, beat.status(), beat.body());
        Instant theirs = java.time.OffsetDateTime.parse(beat.json().getString("serverTime")).toInstant();
        Instant cluster = Instant.now().plus(clockAhead);
        assertTrue(Duration.between(theirs, cluster).abs().compareTo(Duration.ofMinutes(1)) < 0,
                "restarted instance at " + theirs + ", the cluster at " + cluster);
    }

    /** Waits until the balancer sends a new browser to the restarted instance again. */
    private static void awaitBalancerUses(CaartServer front, String node) {
        Wait.until(Duration.ofSeconds(60), () -> {
            PortalClient probe = new PortalClient(front);
            probe.get("/login.xhtml");
            return probe.cookie(Balancer.NODE_COOKIE).map(c -> c.getValue().equals(node) ? true : null).orElse(null);
        });
    }

    private static void awaitProgress(List<StreamingAgent> agents, int batchesEach) {
        int target = accepted(agents) + batchesEach * agents.size();
        try {
            Wait.until(Duration.ofSeconds(300), () -> accepted(agents) >= target ? true : null);
        } catch (AssertionError e) {
            throw new AssertionError("agents stalled below " + target + " accepted batches: " + agents.stream()
                    .map(a -> a.answers.get() + " accepted, " + a.retries.get() + " retries, last answer "
                            + a.lastStatus + (a.refusal == null ? "" : " (" + a.refusal + ")")).collect(Collectors.joining("; ")), e);
        }
    }

    /**
     * Starts the instance; should it not be ready after 240 s (the launcher gives up at 300), its server's threads are
     * printed to the work folder first (a restarted instance once answered nothing after Payara said it was ready).
     */
    private void startWithThreadDump(CaartServer server, String name) {
        java.util.concurrent.ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        AtomicBoolean ready = new AtomicBoolean();
        watchdog.schedule(() -> {
            if (!ready.get()) {
                try {
                    long pid = server.serverProcess().pid();
                    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
                    new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "Thread.print")
                            .redirectErrorStream(true).redirectOutput(work.resolve(name + "-threads.txt").toFile())
                            .start().waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
                    System.out.println("ClusterKillIT: " + name + " not ready after 240 s; threads in "
                            + work.resolve(name + "-threads.txt"));
                } catch (Exception e) {
                    System.out.println("ClusterKillIT: no thread dump of " + name + ": " + e);
                }
            }
        }, 240, java.util.concurrent.TimeUnit.SECONDS);
        try {
            server.start();
            ready.set(true);
        } finally {
            watchdog.shutdownNow();
        }
    }

    /** CPU time the server processes (Payara Micro, not their launchers) used so far, in milliseconds. */
    private long serverCpuMillis() {
        return servers.stream().mapToLong(s -> s.serverProcess().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for the server process")).toMillis()).sum();
    }

    private static int accepted(List<StreamingAgent> agents) {
        return agents.stream().mapToInt(a -> a.answers.get()).sum();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String databaseUrl() {
        int slash = BASE_URL.lastIndexOf('/');
        int query = BASE_URL.indexOf('?', slash);
        return BASE_URL.substring(0, slash + 1) + database + (query < 0 ? "" : BASE_URL.substring(query));
    }

    private Set<String> batchIds() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl(), DB_USER, DB_PASSWORD);
                Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("SELECT batch_id FROM ingested_batch")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private long count(String query) {
        try (Connection connection = DriverManager.getConnection(databaseUrl(), DB_USER, DB_PASSWORD);
                Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(BASE_URL, DB_USER, DB_PASSWORD);
                Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    /**
     * An agent sending batches one after the other, as the real agent's spool does: a batch is sent again, with
     * the same id, until it is answered 202 (a refused connection, a 502 from the balancer or a dropped answer
     * are all "not accepted yet").
     */
    private static final class StreamingAgent {

        final CaartServer front;
        final FakeAgent agent;
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final AtomicInteger answers = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        volatile String runId;
        volatile int lastStatus;
        volatile String refusal;

        StreamingAgent(CaartServer front, FakeAgent agent) {
            this.front = front;
            this.agent = agent;
        }

        void stream(AtomicBoolean running) {
            int sequence = 0;
            while (running.get()) {
                String batchId = FakeAgent.newBatchId();
                String body = FakeAgent.batchJson(batchId, runId, sequence, 100_000, sequence * RESULTS_PER_BATCH,
                        RESULTS_PER_BATCH, null).toString();
                Instant giveUp = Instant.now().plusSeconds(120);
                while (true) {
                    Api.Reply reply = post(body);
                    int status = reply == null ? -1 : reply.status();
                    lastStatus = status;
                    if (status == 202) {
                        break;
                    }
                    if (status >= 400 && status < 500) {
                        refusal = status + " " + reply.body();
                        throw new AssertionError("batch " + batchId + " refused with " + refusal);
                    }
                    if (Instant.now().isAfter(giveUp)) {
                        throw new AssertionError("batch " + batchId + " not accepted within 120 s");
                    }
                    retries.incrementAndGet();
                    pause(200);
                }
                accepted.add(batchId);
                answers.incrementAndGet();
                sequence++;
                pause(250);
            }
        }

        private Api.Reply post(String body) {
            try {
                return FakeAgent.send(front, agent, "POST", "/api/agent/v1/results", body);
            } catch (java.io.UncheckedIOException e) {
                return null;
            }
        }
    }

    /** A user signed in with "remember me", opening portal pages and calling the API every half second. */
    private static final class UserSession {

        final PortalClient portal;
        final Api api;
        final long company;
        final AtomicInteger pages = new AtomicInteger();
        final AtomicInteger transientErrors = new AtomicInteger();
        final AtomicInteger signedOut = new AtomicInteger();
        volatile Instant lastGoodPage = Instant.now();

        UserSession(PortalClient portal, Api api, long company) {
            this.portal = portal;
            this.api = api;
            this.company = company;
        }

        void browse(AtomicBoolean running) {
            while (running.get()) {
                try {
                    PortalClient.Page page = portal.get("/app/dashboard.xhtml");
                    if (page.path().startsWith("/login.xhtml")) {
                        signedOut.incrementAndGet();
                    } else if (page.status() == 200 && page.path().startsWith("/app/dashboard.xhtml")) {
                        pages.incrementAndGet();
                        lastGoodPage = Instant.now();
                    } else {
                        transientErrors.incrementAndGet();
                    }
                    int status = api.get("/api/companies/" + company + "/devices").status();
                    if (status != 200) {
                        transientErrors.incrementAndGet();
                    }
                } catch (java.io.UncheckedIOException e) {
                    transientErrors.incrementAndGet();
                }
                pause(500);
            }
        }

        /** A page opened as the signed-in user after the kill (within 60 s), and never the sign-in page. */
        void assertSignedIn(String when) {
            Instant since = Instant.now();
            Wait.until(Duration.ofSeconds(60), () -> lastGoodPage.isAfter(since) ? true : null);
            assertEquals(0, signedOut.get(), "signed out " + when);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
