package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SIEM feed delivered to a real rsyslog (issue 15): every event in sequence, nothing lost across a receiver
 * outage and a server killed with SIGKILL (repeats allowed: delivery is at least once, each message carries its
 * number), the failure visible to the owner and the operator meanwhile; TLS with the destination's own CA and a CEF
 * payload; the pull API serves the same numbers with its cursor. The server is this test's own (it is killed), with
 * loopback destinations allowed ({@code CAART_FEED_REFUSED_NETWORKS=none}; the default refuses them).
 */
class FeedDeliveryIT {

    private static final String OPERATOR_PASSWORD = SharedServer.randomPassword();
    private static CaartServer server;
    private static Api owner;
    private static Api operator;
    private static long company;
    private static int hosts;

    @BeforeAll
    static void start() {
        // a database of its own on PostgreSQL: the shared server (which refuses loopback destinations) must not
        // take part in delivering this server's feed, as an instance of one cluster would
        Map<String, String> env = new java.util.HashMap<>(TestDatabases.blank("feed"));
        env.putAll(Map.of(
                "CAART_ADMIN_EMAIL", "operator@feed.test",
                "CAART_ADMIN_PASSWORD", OPERATOR_PASSWORD,
                "CAART_FEED_REFUSED_NETWORKS", "none",
                "CAART_AGENT_MIN_VERSION", "0.1"));
        server = CaartServer.configure("feed", env).start();
        operator = new Api(server, "operator@feed.test", OPERATOR_PASSWORD);
        String email = "feed-owner-" + UUID.randomUUID().toString().substring(0, 8) + "@caart.test";
        String password = SharedServer.randomPassword();
        PortalClient.signUp(server, email, password);
        owner = new Api(server, email, password);
        Api.Reply created = owner.post("/api/companies", "{\"name\":\"Feed company\",\"clientOs\":\"DEBIAN\","
                + "\"timeZone\":\"Europe/Berlin\",\"postalAddress\":\"1 Main St\"}");
        assertEquals(201, created.status(), created.body());
        company = created.json().getJsonNumber("id").longValue();
        Api.Reply on = owner.put(path("/feed"), "{\"enabled\":true,\"snapshotDaily\":false}");
        assertEquals(200, on.status(), on.body());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyEventReachesRsyslogInSequenceAcrossAnOutageAndAKill() {
        try (Rsyslog rsyslog = Rsyslog.start("plain", false)) {
            long destination = destination("plain rsyslog", "127.0.0.1", rsyslog.port, false, null, "JSON");

            // 3 endpoints' first audits: 100 failing checks each = 300 check.changed events
            long first = events(3, 400);
            awaitReceived(rsyslog, first, "the first events");

            // receiver outage: rsyslog stopped, 300 more events, the destination retries with back-off
            rsyslog.stop();
            long second = events(3, 400);
            await(() -> "RETRYING".equals(state(destination).getString("state")), Duration.ofSeconds(30),
                    "the destination shows it is retrying: " + state(destination));
            JsonObject failing = state(destination);
            assertTrue(failing.getInt("failures") >= 1 && !failing.getString("lastError").isBlank(), failing.toString());
            assertTrue(failing.getJsonNumber("deliveredSeq").longValue() <= first, failing.toString());
            Api.Reply ops = operator.get("/api/system/feed");
            assertEquals(200, ops.status(), ops.body());
            JsonObject seen = ops.array().getValuesAs(JsonObject.class).stream()
                    .filter(d -> d.getJsonNumber("id").longValue() == destination).findFirst().orElseThrow();
            assertEquals("RETRYING", seen.getString("state"), "the operator sees the failing destination: " + seen);
            assertEquals("Feed company", seen.getString("companyName"));
            rsyslog.start();
            awaitReceived(rsyslog, second, "the events of the outage after rsyslog is back");

            // the server killed with SIGKILL while events are being sent; the restarted server goes on
            events(3, 400);
            server.kill();
            server.start();
            long latest = latest();
            assertTrue(latest >= second + 300, "the events before the kill were kept: latest " + latest);
            awaitReceived(rsyslog, latest, "every event after the restart");
            await(() -> state(destination).getJsonNumber("deliveredSeq").longValue() == latest,
                    Duration.ofSeconds(30), "the receiver is known to have everything: " + state(destination));
            assertEquals("DELIVERING", state(destination).getString("state"));

            // the pull API serves the same numbers, in order, with its cursor
            List<Long> pulled = new ArrayList<>();
            long after = 0;
            while (true) {
                Api.Reply page = owner.get(path("/feed/events?after=" + after + "&limit=250"));
                assertEquals(200, page.status(), page.body());
                assertTrue(page.contentType().startsWith("application/x-ndjson"), page.contentType());
                String last = page.raw().headers().firstValue("CAaRT-Feed-Last").orElseThrow();
                if (page.body().isEmpty()) {
                    assertEquals(String.valueOf(after), last);
                    break;
                }
                for (String line : page.body().split("\n")) {
                    JsonObject event = Json.createReader(new StringReader(line)).readObject();
                    pulled.add(event.getJsonObject("metadata").getJsonNumber("sequence").longValue());
                }
                after = Long.parseLong(last);
                assertEquals(pulled.get(pulled.size() - 1), after);
            }
            assertEquals(range(latest), pulled, "the pull API serves 1.." + latest + " in order");
        }
    }

    @Test
    void tlsWithTheDestinationsOwnCaAndCefPayload() {
        try (Rsyslog rsyslog = Rsyslog.start("tls", true)) {
            long from = latest();
            long destination = destination("TLS rsyslog", "localhost", rsyslog.port, true, rsyslog.caPem(), "CEF");
            long upTo = events(1, 40);
            await(() -> rsyslog.sequence(company).contains(upTo), Duration.ofSeconds(60),
                    "the TLS receiver got the events up to " + upTo + "; rsyslog said: " + rsyslog.said()
                            + "; destination: " + state(destination));
            List<String> lines = rsyslog.lines();
            String line = lines.stream().filter(l -> l.contains("seq=\"" + upTo + "\"")).findFirst().orElseThrow();
            assertTrue(line.matches("<13[0-9]>1 \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z \\S+ caart - check.changed "
                    + "\\[caart@32473 company=\"" + company + "\" seq=\"" + upTo + "\" type=\"check.changed\"\\] "
                    + "CEF:0\\|CAaRT\\|CAaRT\\|[^|]+\\|check.changed\\|Check check-\\d+ on feed-host-\\d+: first result "
                    + "-> FAILED \\(Check number \\d+\\)\\|[0-9]+\\|rt=\\d+ .*"), line);
            assertTrue(line.contains(" cn1Label=sequence cn1=" + upTo + " "), line);
            assertTrue(line.contains(" cs6Label=after cs6=FAILED "), line);
            assertTrue(line.contains(" cs4Label=check cs4=check-"), line);
            assertTrue(line.contains(" dvchost=feed-host-"), line);
            TreeSet<Long> got = new TreeSet<>(rsyslog.sequence(company));
            assertEquals(new TreeSet<>(rangeFrom(from + 1, upTo)), got,
                    "a new destination gets the events from its creation on, all of them");

            // the receiver away and back with nothing to send: the destination is well again by itself
            rsyslog.stop();
            await(() -> "RETRYING".equals(state(destination).getString("state")), Duration.ofSeconds(30),
                    "the destination notices the receiver is gone: " + state(destination));
            rsyslog.start();
            await(() -> "DELIVERING".equals(state(destination).getString("state")), Duration.ofSeconds(60),
                    "the destination is up to date again without a new event: " + state(destination));
            assertEquals(0, state(destination).getInt("failures"));
            assertTrue(state(destination).getString("lastError").length() > 0, "the last error stays for the record");

            // switched off and on again (the page's button sends no certificate): its own CA stays
            JsonObject d = state(destination);
            Api.Reply off = owner.put(path("/feed/destinations/" + destination), Json.createObjectBuilder()
                    .add("name", d.getString("name")).add("host", d.getString("host")).add("port", d.getInt("port"))
                    .add("tls", true).add("payload", "CEF").add("enabled", false).build().toString());
            assertEquals(200, off.status(), off.body());
            assertEquals("OFF", off.json().getString("state"));
            assertTrue(off.json().getBoolean("customCa"), "the CA is kept: " + off.body());
        }
    }

    /** Enrolls {@code endpoints} new hosts and completes one audit of {@code checks} checks on each. */
    private static long events(int endpoints, int checks) {
        List<FakeAgent> agents = new ArrayList<>();
        for (int i = 0; i < endpoints; i++) {
            Api.Reply token = owner.post(path("/enrollment-tokens"), "");
            assertEquals(201, token.status(), token.body());
            agents.add(FakeAgent.enrollAt(server, token.json().getString("token"), "feed-host-" + ++hosts));
        }
        long before = latest();
        Api.Reply audit = owner.post(path("/audits"), "{\"title\":\"Feed\",\"allEndpoints\":true,"
                + "\"policy\":\"caart-debian-baseline\"}");
        assertEquals(201, audit.status(), audit.body());
        for (FakeAgent agent : agents) {
            String run = agent.nextRun();
            Api.Reply sent = agent.batch(FakeAgent.newBatchId(), run, 0, checks, 0, checks, "COMPLETED");
            assertEquals(202, sent.status(), sent.body());
        }
        long expected = before + (long) endpoints * checks / 4;
        await(() -> latest() >= expected, Duration.ofSeconds(60), "the events are numbered up to " + expected);
        return expected;
    }

    private static long destination(String name, String host, int port, boolean tls, String ca, String payload) {
        Api.Reply created = owner.post(path("/feed/destinations"), Json.createObjectBuilder().add("name", name)
                .add("host", host).add("port", port).add("tls", tls).add("caCertificate", ca == null ? "" : ca)
                .add("payload", payload).build().toString());
        assertEquals(201, created.status(), created.body());
        return created.json().getJsonNumber("id").longValue();
    }

    private static void awaitReceived(Rsyslog rsyslog, long upTo, String what) {
        await(() -> new TreeSet<>(rsyslog.sequence(company)).containsAll(range(upTo)), Duration.ofSeconds(90),
                what + ": rsyslog has " + summary(rsyslog.sequence(company)) + ", expected 1.." + upTo);
        List<Long> got = rsyslog.sequence(company);
        // in sequence: each number is first seen after every smaller one (a repeat re-sends from a known point)
        long highest = 0;
        TreeSet<Long> seen = new TreeSet<>();
        for (long seq : got) {
            if (seen.add(seq)) {
                assertEquals(highest + 1, seq, "numbers arrive in order without a gap: " + summary(got));
                highest = seq;
            }
        }
        System.out.printf("feed: rsyslog received %d message(s) for 1..%d (%d repeat(s))%n", got.size(), upTo,
                got.size() - seen.size());
    }

    private static String summary(List<Long> seqs) {
        TreeSet<Long> distinct = new TreeSet<>(seqs);
        return seqs.size() + " messages, " + distinct.size() + " distinct"
                + (distinct.isEmpty() ? "" : ", " + distinct.first() + ".." + distinct.last());
    }

    private static List<Long> range(long upTo) {
        return rangeFrom(1, upTo);
    }

    private static List<Long> rangeFrom(long from, long upTo) {
        List<Long> all = new ArrayList<>();
        for (long i = from; i <= upTo; i++) {
            all.add(i);
        }
        return all;
    }

    private static long latest() {
        Api.Reply feed = owner.get(path("/feed"));
        assertEquals(200, feed.status(), feed.body());
        return feed.json().getJsonNumber("latestSeq").longValue();
    }

    private static JsonObject state(long destination) {
        Api.Reply reply = owner.get(path("/feed/destinations/" + destination));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static String path(String rest) {
        return "/api/companies/" + company + rest;
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        long until = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
