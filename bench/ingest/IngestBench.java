import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Ingest benchmark of a running CAaRT server on PostgreSQL (started by bench/ingest.sh, which also supplies the
 * class path: the PostgreSQL driver, Yasson/Parsson and caart-contract taken from the distribution).
 *
 * <p>Simulated agents post result batches over HTTP/1.1 (one batch in flight per agent, paced at a target rate);
 * the committed results are read straight from the database every second. Then the same rows are inserted with
 * plain batched JDBC, and the JSON work of a batch is timed with the server's own JSON-B (Yasson) and records.
 * CPU is accounted per process (server threads by name, PostgreSQL backends, this load generator) from /proc,
 * and the server is sampled with Java Flight Recorder (jcmd) during the first measured window.
 *
 * <p>Settings are system properties {@code -Dbench.*} (see {@link Config}); everything printed goes to stdout.
 */
public final class IngestBench {

    // ------------------------------------------------------------------------------------------------ settings

    static final class Config {
        final String base = prop("bench.url", "http://127.0.0.1:8080");
        final String jdbc = prop("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/caart");
        final String dbUser = prop("bench.dbUser", "postgres");
        final String dbPassword = prop("bench.dbPassword", "");
        final int agents = Integer.parseInt(prop("bench.agents", "40"));
        final int results = Integer.parseInt(prop("bench.results", "300"));
        final String profile = prop("bench.profile", "cis");
        final int warmup = Integer.parseInt(prop("bench.warmup", "15"));
        final int measure = Integer.parseInt(prop("bench.measure", "60"));
        final double goalRate = Double.parseDouble(prop("bench.goalRate", "100"));
        final double latencyRate = Double.parseDouble(prop("bench.latencyRate", "50"));
        final double adaptiveStart = Double.parseDouble(prop("bench.adaptiveStart", "20"));
        final int prewarm = Integer.parseInt(prop("bench.prewarm", "120"));
        final int prewarmMax = Integer.parseInt(prop("bench.prewarmMax", "360"));
        final double jitSettled = Double.parseDouble(prop("bench.jitSettled", "150"));
        final long serverPid = Long.parseLong(prop("bench.serverPid", "0"));
        final boolean jfr = Boolean.parseBoolean(prop("bench.jfr", "true"));
        final int drainLimit = Integer.parseInt(prop("bench.drainLimit", "900"));
        final long rawRowsMax = Long.parseLong(prop("bench.rawRows", "600000"));
        final Path work = Path.of(prop("bench.work", System.getProperty("java.io.tmpdir")));

        private static String prop(String key, String def) {
            String v = System.getProperty(key);
            return v == null || v.isBlank() ? def : v;
        }
    }

    static Config cfg;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4, daemon("http-client")))
            .build();
    static final Map<String, String> summary = new LinkedHashMap<>();
    static final List<String> notes = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        cfg = new Config();
        byte[] results = resultsJson(cfg.profile, cfg.results);
        int bodyBytes = body(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 0, results).length;
        out("CAaRT ingest benchmark: %d agents (one batch in flight each), %d results per batch (profile %s, %,d "
                + "bytes of JSON per batch), warm-up %d s + measured %d s per phase", cfg.agents, cfg.results,
                cfg.profile, bodyBytes, cfg.warmup, cfg.measure);
        out("machine: %d cores, %s; server pid %d; load average %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), cfg.serverPid,
                Files.readString(Path.of("/proc/loadavg")).strip());
        summary.put("batch", String.format("%d results, %,d bytes JSON (profile %s), %d agents", cfg.results,
                bodyBytes, cfg.profile, cfg.agents));

        Setup setup = Setup.run(5);
        try (Connection db = connect()) {
            // 0: JIT warm-up of the fresh server (not measured)
            Phase prewarm = new Phase("server warm-up", 0, setup, 0, results, db);
            prewarm.warmupSeconds = 0;
            prewarm.measureSeconds = cfg.prewarm;
            prewarm.untilJitSettles = cfg.serverPid > 0;
            boolean jfr = cfg.jfr && cfg.serverPid > 0;
            Thread jfrStart = null;
            if (jfr) {
                // JFR's start disturbs the server for seconds (and makes the JIT compile again): it starts with the
                // warm-up and records until the end of the max-sustainable window, whose samples alone are counted
                jfrStart = new Thread(() -> jcmd("JFR.start", "name=ingest", "settings=default"));
                jfrStart.start();
            }
            prewarm.run(false);
            if (jfrStart != null) {
                jfrStart.join();
            }
            prewarm.drain();

            // 1: the highest rate with a flat queue: the offered rate follows the committed rate
            Phase max = new Phase("max sustainable", 0, setup, 1, results, db);
            max.currentRate = Math.max(5, prewarm.committedRate());
            max.run(jfr);
            max.drain();
            max.report();

            // 2: the goal rate, fixed
            Phase goal = new Phase("goal rate", cfg.goalRate, setup, 2, results, db);
            goal.run(false);
            goal.drain();
            goal.report();

            // 3: 202 -> visible at a fixed rate
            Phase latency = new Phase("visibility", cfg.latencyRate, setup, 3, results, db);
            latency.trackVisibility = true;
            latency.run(false);
            latency.drain();
            latency.report();

            // 4: the same at a rate the server sustains, when the fixed rate was above it
            Phase within = null;
            if (!latency.flat() || max.committedRate() < latency.rate) {
                within = new Phase("visibility within capacity", Math.max(1, Math.floor(0.8 * max.committedRate())),
                        setup, 4, results, db);
                within.trackVisibility = true;
                within.run(false);
                within.drain();
                within.report();
            }

            long committedRows = count(db, "SELECT count(*) FROM check_result");
            long expected = (prewarm.acceptedTotal.sum() + max.acceptedTotal.sum() + goal.acceptedTotal.sum()
                    + latency.acceptedTotal.sum() + (within == null ? 0 : within.acceptedTotal.sum())) * cfg.results;
            out("");
            out("check_result rows: %,d; expected from the 202s: %,d", committedRows, expected);

            // raw JDBC and the server's transaction shape over JDBC
            out("");
            out("-- raw JDBC (server idle)");
            RawJdbc raw = new RawJdbc(setup, db, results);
            long rows = Math.min(cfg.rawRowsMax, Math.max(90_000, max.committedInWindow()));
            rows = rows / cfg.results * cfg.results;
            double raw1 = raw.insert(rows, 1);
            double raw4 = raw.insert(rows, 4);
            double shaped = raw.serverShaped(rows, 4);
            double rewritten = raw.insert(rows, 4, true);
            double rawBest = Math.max(raw1, raw4);
            Micro micro = Micro.run(results, setup);

            // ------------------------------------------------------------------------------------ summary
            // the highest committed rate of any window whose queue stayed flat
            Phase top = max;
            for (Phase p : java.util.Arrays.asList(max, goal, latency, within)) {
                if (p != null && p.flat() && (!top.flat() || p.committedRate() > top.committedRate())) {
                    top = p;
                }
            }
            double best = top.committedRate();
            out("");
            out("==================================== SUMMARY ====================================");
            out("batch:                  %s", summary.get("batch"));
            out("max sustainable:        adaptive phase: committed %.1f batches/s = %,.0f results/s (accepted %.1f/s); "
                    + "queue %s", max.committedRate(), max.committedRate() * cfg.results, max.acceptedRate(),
                    max.queueText());
            out("                        POST /results latency p50 %.0f ms, p99 %.0f ms", max.p(50), max.p(99));
            out("best flat-queue window: %.1f batches/s = %,.0f results/s committed (phase %s); goal >= 100 "
                    + "batches/s = 30,000 results/s: %s", best, best * cfg.results, top.name,
                    best >= 100 && top.flat() ? "MET" : "MISSED");
            out("at the goal rate:       target %.0f/s -> offered %.1f, accepted (202) %.1f, committed %.1f "
                    + "batches/s; queue %s", cfg.goalRate, goal.offeredRate(), goal.acceptedRate(),
                    goal.committedRate(), goal.queueText());
            out("                        POST /results latency p50 %.0f ms, p99 %.0f ms; %d errors%s", goal.p(50),
                    goal.p(99), goal.errors.sum(), goal.drainRate > 0 ? String.format(
                            "; backlog then drained at %.1f batches/s (consumers alone)", goal.drainRate) : "");
            out("raw batched JDBC:       %,.0f rows/s on 1 connection, %,.0f rows/s on 4 (300 rows per commit, "
                    + "copy of check_result)", raw1, raw4);
            out("server-shaped JDBC:     %,.0f rows/s on 4 connections (all the SQL of a batch, rows with COPY as "
                    + "the server writes them)", shaped);
            out("multi-row JDBC:         %,.0f rows/s on 4 connections with reWriteBatchedInserts=true (not used by "
                    + "the server, which uses COPY on PostgreSQL)", rewritten);
            double ratio = best * cfg.results / rawBest;
            out("ratio server / raw:     %.3f (best flat-queue rate / best raw JDBC; goal >= 0.3: %s)", ratio,
                    ratio >= 0.3 ? "MET" : "MISSED");
            out("202 -> visible:         at %.0f/s target (accepted %.1f/s, queue %s): p50 %.0f ms, p90 %.0f ms, "
                    + "p99 %.0f ms, max %.0f ms over %d batches (goal p99 < 2 s: %s)", latency.rate,
                    latency.acceptedRate(), latency.flat() ? "flat" : "GROWING", latency.vis(50), latency.vis(90),
                    latency.vis(99), latency.vis(100), latency.visible.size(), latency.vis(99) < 2000 ? "MET"
                    : "MISSED");
            if (within != null) {
                out("                        at %.0f/s (80%% of the max sustainable; queue %s): p50 %.0f ms, p90 %.0f "
                        + "ms, p99 %.0f ms, max %.0f ms over %d batches", within.rate, within.flat() ? "flat"
                        : "GROWING", within.vis(50), within.vis(90), within.vis(99), within.vis(100),
                        within.visible.size());
            }
            out("                        (commit visibility; the dashboard polls every 2 s, the audit page every "
                    + "1 s, on top)");
            out("JSON per batch:         the server's reader (Jackson) %.2f ms in this JVM, read twice = %.1f CPU-ms "
                    + "per batch in the server (Yasson, used before: %.2f ms per read)", micro.parseMs,
                    2 * micro.parseMs, micro.yassonMs);
            if (max.cpu != null) {
                out("CPU in the max-sustainable window, per committed batch:");
                max.cpu.printPerBatch(Math.max(1, max.committedInWindow() / cfg.results), true);
            }
            if (max.profile != null) {
                out("server Java CPU by component (JFR samples, max-sustainable window):");
                max.profile.printShort();
            }
            for (Phase p : List.of(max, goal, latency)) {
                if (p.cpu != null && p.cpu.otherShare() > 0.10) {
                    notes.add(String.format("other work on the machine took %.0f%% of the CPU during the %s window; "
                            + "the figures are lower than on a quiet machine", 100 * p.cpu.otherShare(), p.name));
                }
            }
            if (goal.slips.sum() > 0) {
                notes.add("at the goal rate all " + cfg.agents + " agents were often busy (one batch in flight each): "
                        + "the offered rate was limited by the server's answer time");
            }
            for (String n : notes) {
                out("note: %s", n);
            }
            out("=================================================================================");
        }
    }

    // ------------------------------------------------------------------------------------------------ setup

    /** Account, company, enrolled agents, audits (one per phase) and each agent's run of each audit. */
    record Agent(int index, String agentId, String secret, String hostname, long endpointId, String[] runs,
            AtomicLong sequence) {

        String bearer() {
            return "Bearer " + agentId + "." + secret;
        }
    }

    static final class Setup {
        String email;
        String password;
        long companyId;
        long[] audits;
        List<Agent> agents = new ArrayList<>();

        static Setup run(int phases) throws Exception {
            Setup s = new Setup();
            long t0 = System.nanoTime();
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            s.email = "bench-" + suffix + "@caart.test";
            s.password = "Bench-" + UUID.randomUUID() + "-pw";
            signUp(s.email, s.password);
            String company = "Ingest bench " + suffix;
            Reply c = s.api("POST", "/api/companies", "{\"name\":\"" + company
                    + "\",\"clientOs\":\"DEBIAN\",\"timeZone\":\"Europe/Berlin\",\"postalAddress\":\"1 Bench St\"}");
            c.expect(201, "create company");
            s.companyId = Long.parseLong(c.field("id"));
            for (int i = 0; i < cfg.agents; i++) {
                Reply t = s.api("POST", "/api/companies/" + s.companyId + "/enrollment-tokens", "");
                t.expect(201, "enrollment token");
                String host = "bench-host-" + i;
                Reply e = send("POST", "/api/agent/v1/enroll", null, "{\"token\":\"" + t.field("token")
                        + "\",\"host\":" + hostJson(host) + "}");
                e.expect(201, "enroll");
                s.agents.add(new Agent(i, e.field("agentId"), e.field("secret"), host, 0, new String[phases],
                        new AtomicLong()));
            }
            s.audits = new long[phases];
            for (int p = 0; p < phases; p++) {
                Reply a = s.api("POST", "/api/companies/" + s.companyId + "/audits",
                        "{\"title\":\"Ingest bench phase " + p + "\",\"allEndpoints\":true}");
                a.expect(201, "start audit");
                s.audits[p] = Long.parseLong(a.field("id"));
            }
            Pattern order = Pattern.compile("\\{[^{}]*\"auditId\"\\s*:\\s*(\\d+)[^{}]*\\}");
            Pattern runId = Pattern.compile("\"runId\"\\s*:\\s*\"([^\"]+)\"");
            for (Agent agent : s.agents) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                int found = 0;
                while (found < phases) {
                    Reply o = send("GET", "/api/agent/v1/orders?waitSeconds=2", agent.bearer(), null);
                    o.expect(200, "orders");
                    Matcher m = order.matcher(o.body);
                    while (m.find()) {
                        long audit = Long.parseLong(m.group(1));
                        Matcher r = runId.matcher(m.group());
                        if (!r.find()) {
                            continue;
                        }
                        for (int p = 0; p < phases; p++) {
                            if (s.audits[p] == audit && agent.runs()[p] == null) {
                                agent.runs()[p] = r.group(1);
                                found++;
                            }
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("agent " + agent.hostname() + " got " + found + " of "
                                + phases + " orders: " + o.body);
                    }
                }
            }
            out("setup: account %s, company %d, %d agents enrolled, %d audits (one run per agent each) in %.1f s",
                    s.email, s.companyId, s.agents.size(), phases, (System.nanoTime() - t0) / 1e9);
            return s;
        }

        Reply api(String method, String path, String body) {
            return send(method, path, "Basic " + Base64.getEncoder().encodeToString(
                    (email + ":" + password).getBytes(StandardCharsets.UTF_8)), body);
        }

        /** The sign-up page is a Faces form: its view state and the PrimeFaces nonce go back with the post. */
        static void signUp(String email, String password) throws Exception {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(cfg.base + "/signup.xhtml"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher vs = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
            if (!vs.find()) {
                throw new IllegalStateException("no form on /signup.xhtml (" + page.statusCode() + ")");
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("signUp", "signUp");
            form.put("signUp:firstName", "Bench");
            form.put("signUp:lastName", "Ingest");
            form.put("signUp:email", email);
            form.put("signUp:password", password);
            form.put("signUp:confirmation", password);
            form.put("signUp:submit", "");
            form.put("jakarta.faces.ViewState", vs.group(1));
            Matcher nonce = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"").matcher(page.body());
            if (nonce.find()) {
                form.put("primefaces.nonce", nonce.group(1));
            }
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> done = browser.send(HttpRequest.newBuilder(URI.create(cfg.base + "/signup.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (!done.uri().getPath().startsWith("/app/dashboard.xhtml")) {
                throw new IllegalStateException("sign-up failed (" + done.statusCode() + " at " + done.uri() + ")");
            }
        }
    }

    static String hostJson(String host) {
        return "{\"hostname\":\"" + host + "\",\"os\":\"Debian GNU/Linux 12\",\"osFamily\":\"LINUX\","
                + "\"osVersion\":\"12\",\"agentVersion\":\"bench\",\"lastPatchDate\":\"2026-11-01\","
                + "\"patchSource\":\"apt history\"}";
    }

    record Reply(int status, String body) {

        void expect(int wanted, String what) {
            if (status != wanted) {
                throw new IllegalStateException(what + ": " + status + " " + body);
            }
        }

        /** A top-level string or number field of a small JSON answer. */
        String field(String name) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|(-?\\d+))").matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no " + name + " in " + body);
            }
            return m.group(2) != null ? m.group(2) : m.group(3);
        }
    }

    static Reply send(String method, String path, String authorization, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cfg.base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ batches

    static final String[] STATUS = {"PASSED", "FAILED", "PASSED", "NOT_APPLICABLE", "PASSED", "FAILED", "PASSED",
        "ERROR"};
    static final String[] SEVERITY = {"LOW", "MEDIUM", "HIGH", "MEDIUM", "CRITICAL", "MEDIUM", "INFO", "HIGH"};

    /** The results array of a batch. "cis": evidence and texts as long as the CIS Debian 12 policy's (mean
     * description 300, rationale 270, remediation 420 characters); "lean": what the integration tests send. */
    static byte[] resultsJson(String profile, int n) {
        StringBuilder sb = new StringBuilder(n * 1400).append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            int c = 33000 + i;
            String status = STATUS[i % STATUS.length];
            sb.append("{\"checkId\":\"").append(c).append("\",\"title\":\"Ensure the setting number ").append(c)
                    .append(" is configured on this host's /etc/security files\",\"status\":\"").append(status)
                    .append("\",\"severity\":\"").append(SEVERITY[i % SEVERITY.length]).append('"');
            if (profile.equals("lean")) {
                sb.append(",\"references\":[\"CIS 1.").append(i).append("\"],\"reason\":null,")
                        .append("\"expected\":\"setting = on\",\"observed\":\"")
                        .append(status.equals("FAILED") ? "setting = off" : "setting = on")
                        .append("\",\"description\":null,\"rationale\":null,\"remediation\":null,");
            } else {
                sb.append(",\"references\":[\"cis: 1.1.").append(i % 40).append('.').append(i % 7)
                        .append("\",\"cis_csc_v8: 3.3, 4.1\",\"mitre_techniques: T1200, T1565\"],\"reason\":")
                        .append(status.equals("FAILED") ? "\"the command output did not match the expected "
                                + "pattern on line 3\"" : status.equals("ERROR") ? "\"command timed out after "
                                + "30 s\"" : "null")
                        .append(",\"expected\":\"c:findmnt -kn /dev/shm -> r:nodev\",\"observed\":\"")
                        .append(status.equals("FAILED") ? "/dev/shm tmpfs tmpfs rw,nosuid,noexec,relatime"
                                : "/dev/shm tmpfs tmpfs rw,nosuid,nodev,noexec,relatime")
                        .append("\",\"description\":\"").append(text("The nodev mount option specifies that "
                                + "the filesystem cannot contain special devices; check " + c + ".", 300))
                        .append("\",\"rationale\":\"").append(text("Since the filesystem is not intended to "
                                + "support devices, set this option to ensure that users cannot create block "
                                + "or character special devices.", 270))
                        .append("\",\"remediation\":\"").append(text("- IF - a separate partition exists, edit "
                                + "the /etc/fstab file and add nodev to the fourth field (mounting options); "
                                + "then run: # mount -o remount /dev/shm.", 420))
                        .append("\",");
            }
            sb.append("\"durationMicros\":").append(150 + i).append('}');
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    static String text(String seed, int length) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            sb.append(seed).append(' ');
        }
        return sb.substring(0, length).trim();
    }

    static byte[] body(String batchId, String runId, long sequence, byte[] results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(results.length + 200);
        out.writeBytes(("{\"batchId\":\"" + batchId + "\",\"runId\":\"" + runId + "\",\"sequence\":" + sequence
                + ",\"planned\":100000,\"results\":").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(results);
        out.writeBytes(",\"end\":null,\"error\":null}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------ a load phase

    /**
     * Paced load: a batch every 1/rate s, each sent by the next idle agent (an agent has at most one batch in
     * flight, like the real one); when all agents are busy the pace slips (offered &lt; target). Rate 0 means
     * adaptive: every second the offered rate is set to the committed rate of the last 5 s plus a correction that
     * keeps about 2 s of batches in the queue, so the consumers are never idle and the queue never grows: the
     * committed rate is then the highest the server sustains. Every second the committed results of the phase's
     * audit are read from audit_run (updated in the same transaction as the check_result rows and the
     * ingested_batch claim).
     */
    static final class Phase {
        final String name;
        final double rate;
        final boolean adaptive;
        final Setup setup;
        final int runIndex;
        final byte[] results;
        final Connection db;
        int warmupSeconds = cfg.warmup;
        int measureSeconds = cfg.measure;
        volatile double currentRate;
        final LongAdder offered = new LongAdder();
        final LongAdder slips = new LongAdder();
        final LongAdder acceptedTotal = new LongAdder();
        final LongAdder errors = new LongAdder();
        final ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        final Map<String, Long> pending = new ConcurrentHashMap<>();
        final List<Double> visible = new ArrayList<>();
        final List<long[]> samples = new ArrayList<>(); // {nanos, accepted batches, committed results, offered}
        boolean trackVisibility;
        boolean untilJitSettles;
        long jitCheckedFor;
        long[] jitMark;
        volatile boolean trackerStop;
        volatile long windowStart;
        volatile long windowEnd;
        double drainRate;
        Cpu cpu;
        Profile profile;
        long committedBase;
        final Map<String, String> lastErrors = new ConcurrentHashMap<>();

        Phase(String name, double rate, Setup setup, int runIndex, byte[] results, Connection db) {
            this.name = name;
            this.rate = rate;
            this.adaptive = rate <= 0;
            this.currentRate = adaptive ? cfg.adaptiveStart : rate;
            this.setup = setup;
            this.runIndex = runIndex;
            this.results = results;
            this.db = db;
        }

        void run(boolean jfr) throws Exception {
            out("");
            out("-- phase %s: %s for %d + %d s (warm-up + measured), %d agents", name, adaptive
                    ? "adaptive rate (offered = committed + queue correction)" : String.format(
                            "%.0f batches/s", rate), warmupSeconds, measureSeconds, setup.agents.size());
            committedBase = committed();
            BlockingQueue<Agent> idle = new LinkedBlockingQueue<>(setup.agents);
            ExecutorService pool = Executors.newCachedThreadPool(daemon("agent-" + name.replace(' ', '-')));
            long start = System.nanoTime();
            windowStart = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
            windowEnd = windowStart + TimeUnit.SECONDS.toNanos(measureSeconds);
            Thread pacer = new Thread(() -> {
                long next = start;
                while (System.nanoTime() < windowEnd) {
                    LockSupportSleep(next - System.nanoTime());
                    Agent agent;
                    try {
                        agent = idle.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    offered.increment();
                    pool.execute(() -> {
                        try {
                            post(agent);
                        } finally {
                            idle.add(agent);
                        }
                    });
                    next += (long) (1e9 / currentRate);
                    long now = System.nanoTime();
                    if (now - next > TimeUnit.MILLISECONDS.toNanos(250)) {
                        slips.increment();
                        next = now; // all agents were busy: the pace slips instead of bursting later
                    }
                }
            }, "pacer");
            pacer.setDaemon(true);
            Thread tracker = null;
            if (trackVisibility) {
                tracker = new Thread(this::trackVisible, "visibility");
                tracker.setDaemon(true);
                tracker.start();
            }
            Path jfrFile = cfg.work.resolve("ingest-" + name.replace(' ', '-') + ".jfr");
            pacer.start();
            Cpu.Snapshot cpuStart = null;
            int second = 0;
            long nextSample = start + TimeUnit.SECONDS.toNanos(1);
            sample();
            while (nextSample <= windowEnd + 1_000_000L) {
                LockSupportSleep(nextSample - System.nanoTime());
                if (cpuStart == null && nextSample >= windowStart && measureSeconds > 0) {
                    cpuStart = Cpu.snapshot(db);
                }
                long[] s = sample();
                second++;
                if (adaptive && samples.size() > 5) {
                    long[] p = samples.get(samples.size() - 6);
                    double c = (s[2] - p[2]) / (double) cfg.results / ((s[0] - p[0]) / 1e9);
                    double target = Math.max(10, 2 * c);
                    double l = lag(s);
                    double next;
                    if (l < target / 2) {
                        next = Math.max(currentRate, c) * 1.15; // consumers may idle: offer more
                    } else if (l > 2 * target) {
                        next = 0.9 * c; // the queue grows: offer less than is committed
                    } else {
                        next = c + (target - l) / 5;
                    }
                    currentRate = Math.max(1, Math.min(1000, next));
                }
                if (untilJitSettles && nextSample + TimeUnit.SECONDS.toNanos(3) > windowEnd
                        && jitCheckedFor != windowEnd) {
                    jitCheckedFor = windowEnd;
                    // the fresh server compiles for minutes on 2 cores: go on while its JIT threads are busy
                    int queued = jitQueue();
                    long ticks = jitTicks();
                    long ran = (nextSample - start) / 1_000_000_000L;
                    double jitRate = jitMark == null ? Double.NaN
                            : (ticks - jitMark[1]) * Cpu.TICK_MS / ((System.nanoTime() - jitMark[0]) / 1e9);
                    jitMark = new long[] {System.nanoTime(), ticks};
                    boolean busy = queued > 100 || Double.isNaN(jitRate) || jitRate > cfg.jitSettled;
                    if (busy && ran < cfg.prewarmMax) {
                        windowEnd += TimeUnit.SECONDS.toNanos(15);
                    }
                    out("  JIT after %d s: %d methods queued, compilers %s CPU-ms/s over the last 15 s%s", ran,
                            queued, Double.isNaN(jitRate) ? "?" : String.format("%.0f", jitRate),
                            busy && ran < cfg.prewarmMax ? "; warming up 15 s more" : "");
                }
                if (second % 5 == 0) {
                    long[] prev = samples.get(Math.max(0, samples.size() - 6));
                    double dt = (s[0] - prev[0]) / 1e9;
                    out("  t=%3ds  offered %6.1f/s  accepted %6.1f/s  committed %6.1f batches/s  queue %5.0f batches  "
                            + "POST p99 %5.0f ms  errors %d", second, (s[3] - prev[3]) / dt, (s[1] - prev[1]) / dt,
                            (s[2] - prev[2]) / dt / cfg.results, lag(s), recentP99(), errors.sum());
                }
                nextSample += TimeUnit.SECONDS.toNanos(1);
            }
            if (cpuStart != null) {
                cpu = Cpu.between(cpuStart, Cpu.snapshot(db));
            }
            boolean dumped = jfr && jcmd("JFR.stop", "name=ingest", "filename=" + jfrFile);
            pacer.join();
            pool.shutdown();
            pool.awaitTermination(300, TimeUnit.SECONDS);
            if (dumped && Files.exists(jfrFile)) {
                profile = Profile.read(jfrFile, windowStart, windowEnd);
            }
            if (tracker != null) {
                trackerStop = true;
                tracker.join();
            }
            if (!lastErrors.isEmpty()) {
                out("  errors (last of each kind): %s", lastErrors);
            }
        }

        void post(Agent agent) {
            String batchId = UUID.randomUUID().toString();
            byte[] bytes = body(batchId, agent.runs()[runIndex], agent.sequence().getAndIncrement(), results);
            HttpRequest request = HttpRequest.newBuilder(URI.create(cfg.base + "/api/agent/v1/results"))
                    .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                    .header("Authorization", agent.bearer()).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                if (r.statusCode() == 202) {
                    if (trackVisibility && t1 >= windowStart && t1 < windowEnd) {
                        pending.put(batchId, t1);
                    }
                    acceptedTotal.increment();
                    latencies.add(new long[] {t0, t1 - t0});
                } else {
                    errors.increment();
                    lastErrors.put("HTTP " + r.statusCode(), r.body().substring(0, Math.min(200, r.body().length())));
                }
            } catch (Exception e) {
                errors.increment();
                lastErrors.put(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
        }

        /** Polls ingested_batch (claimed in the same transaction as the results) for the accepted batches. */
        void trackVisible() {
            try (Connection c = connect();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT batch_id FROM ingested_batch WHERE batch_id = ANY (?)")) {
                while (!trackerStop || !pending.isEmpty()) {
                    if (pending.isEmpty()) {
                        Thread.sleep(10);
                        continue;
                    }
                    String[] ids = pending.keySet().stream().limit(2000).toArray(String[]::new);
                    long asked = System.nanoTime();
                    ps.setArray(1, c.createArrayOf("varchar", ids));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Long accepted = pending.remove(rs.getString(1));
                            if (accepted != null) {
                                synchronized (visible) {
                                    visible.add(Math.max(0, (asked - accepted) / 1e6));
                                }
                            }
                        }
                    }
                    if (trackerStop && System.nanoTime() - windowEnd > TimeUnit.SECONDS.toNanos(cfg.drainLimit)) {
                        out("  %d tracked batches never became visible", pending.size());
                        return;
                    }
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                out("  visibility tracker failed: %s", e);
            }
        }

        long[] sample() throws SQLException {
            long[] s = {System.nanoTime(), acceptedTotal.sum(), committed() - committedBase, offered.sum()};
            synchronized (samples) {
                samples.add(s);
            }
            return s;
        }

        long committed() throws SQLException {
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT COALESCE(SUM(received), 0) FROM audit_run WHERE audit_id = ?")) {
                ps.setLong(1, setup.audits[runIndex]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        double lag(long[] s) {
            return s[1] - s[2] / (double) cfg.results;
        }

        /** Waits until every accepted batch is committed (or nothing moves for 60 s). */
        void drain() throws Exception {
            long[] atStop = sample();
            double backlog = lag(atStop);
            long t0 = System.nanoTime();
            long lastMove = t0;
            long lastCommitted = atStop[2];
            while (lag(samples.get(samples.size() - 1)) > 0.5) {
                Thread.sleep(500);
                long[] s = sample();
                if (s[2] != lastCommitted) {
                    lastCommitted = s[2];
                    lastMove = s[0];
                }
                if (s[0] - lastMove > TimeUnit.SECONDS.toNanos(60)
                        || s[0] - t0 > TimeUnit.SECONDS.toNanos(cfg.drainLimit)) {
                    out("  drain stopped: %.0f batches still not committed", lag(s));
                    notes.add("phase " + name + ": " + Math.round(lag(s)) + " accepted batches not committed "
                            + "after the drain wait");
                    break;
                }
            }
            long[] end = samples.get(samples.size() - 1);
            double secs = (lastMove - t0) / 1e9;
            if (backlog >= 30 && secs > 3) {
                drainRate = (end[2] - atStop[2]) / (double) cfg.results / secs;
            }
            out("  drain: %.0f batches queued when the load stopped, all committed %.1f s later%s", backlog, secs,
                    drainRate > 0 ? String.format(" (%.1f batches/s with no HTTP load)", drainRate) : "");
        }

        long[] at(long nanos) {
            long[] best = samples.get(0);
            for (long[] s : samples) {
                if (Math.abs(s[0] - nanos) < Math.abs(best[0] - nanos)) {
                    best = s;
                }
            }
            return best;
        }

        double rate(int field) {
            long[] a = at(windowStart);
            long[] b = at(windowEnd);
            double per = field == 2 ? cfg.results : 1;
            return (b[field] - a[field]) / per / ((b[0] - a[0]) / 1e9);
        }

        double acceptedRate() {
            return rate(1);
        }

        double committedRate() {
            return rate(2);
        }

        double offeredRate() {
            return rate(3);
        }

        long committedInWindow() {
            return at(windowEnd)[2] - at(windowStart)[2];
        }

        /** Least-squares slope of the queue (batches) over the measured window, in batches per second. */
        double slope() {
            List<long[]> w = samples.stream().filter(s -> s[0] >= windowStart - 500_000_000L
                    && s[0] <= windowEnd + 500_000_000L).toList();
            double n = w.size();
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (long[] s : w) {
                double x = (s[0] - windowStart) / 1e9;
                double y = lag(s);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
            return n < 3 ? Double.NaN : (n * sxy - sx * sy) / (n * sxx - sx * sx);
        }

        /** Flat: the queue grows by less than 2 % of the accepted rate (at least 0.5 batch/s) and by less than
         * 3 s of input over the window. */
        boolean flat() {
            double grown = lag(at(windowEnd)) - lag(at(windowStart));
            return slope() < Math.max(0.5, 0.02 * acceptedRate()) && grown < Math.max(10, 3 * acceptedRate());
        }

        String queueText() {
            return String.format("%.0f -> %.0f batches over the window (slope %+.2f batches/s: %s)",
                    lag(at(windowStart)), lag(at(windowEnd)), slope(), flat() ? "flat" : "GROWING");
        }

        double p(double pct) {
            double[] v = latencies.stream().filter(l -> l[0] >= windowStart && l[0] < windowEnd)
                    .mapToDouble(l -> l[1] / 1e6).sorted().toArray();
            return percentile(v, pct);
        }

        double recentP99() {
            long from = System.nanoTime() - TimeUnit.SECONDS.toNanos(5);
            double[] v = latencies.stream().filter(l -> l[0] >= from).mapToDouble(l -> l[1] / 1e6).sorted().toArray();
            return percentile(v, 99);
        }

        double vis(double pct) {
            synchronized (visible) {
                return percentile(visible.stream().mapToDouble(Double::doubleValue).sorted().toArray(), pct);
            }
        }

        void report() {
            out("  window: offered %.1f, accepted %.1f, committed %.1f batches/s (%,.0f results/s); queue %s",
                    offeredRate(), acceptedRate(), committedRate(), committedRate() * cfg.results, queueText());
            out("  POST /results (202) latency: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms; errors %d",
                    p(50), p(90), p(99), p(100), errors.sum());
            if (trackVisibility) {
                out("  202 -> committed (visible): p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms over %d batches",
                        vis(50), vis(90), vis(99), vis(100), visible.size());
            }
            if (cpu != null) {
                cpu.print(Math.max(1, committedInWindow() / cfg.results), flat());
            }
            if (profile != null) {
                profile.print();
            }
        }
    }

    static double percentile(double[] sorted, double pct) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(pct / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static void LockSupportSleep(long nanos) {
        if (nanos > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(nanos);
        }
    }

    /** The number of methods waiting for the JIT compilers of the server (jcmd Compiler.queue), -1 if unknown. */
    static int jitQueue() {
        try {
            Process p = new ProcessBuilder("jcmd", String.valueOf(cfg.serverPid), "Compiler.queue")
                    .redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return (int) said.lines().filter(l -> l.matches("\\s*\\d+\\s.*")).count();
        } catch (Exception e) {
            return -1;
        }
    }

    /** CPU ticks of the server's JIT compiler threads so far. */
    static long jitTicks() {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/" + cfg.serverPid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Cpu.role(Files.readString(task.resolve("comm")).strip()).equals("JIT compilers")) {
                        sum += Cpu.ticks(task.resolve("stat"));
                    }
                } catch (IOException gone) {
                    // ended
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    static boolean jcmd(String... args) {
        List<String> cmd = new ArrayList<>(List.of("jcmd", String.valueOf(cfg.serverPid)));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            if (!ok) {
                out("  jcmd %s failed: %s", String.join(" ", args), said.strip());
            }
            return ok;
        } catch (Exception e) {
            out("  jcmd failed: %s", e);
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------ CPU accounting

    /** CPU time (clock ticks, 100 Hz) of the machine, the server's threads, PostgreSQL and this process. */
    static final class Cpu {
        static final double TICK_MS = 10.0;

        /** ticks: {user, system}; others: every other process of the machine by pid ("name\tticks"). */
        record Snapshot(long nanos, long machineBusy, long machineTotal, Map<String, long[]> serverThreads,
                Map<Long, Long> postgres, long bench, Map<Long, String> others) {
        }

        final Map<String, double[]> serverMs = new TreeMap<>(); // role -> {user, system}
        double postgresMs;
        double benchMs;
        double machineMs;
        double seconds;
        final Map<String, Double> othersMs = new HashMap<>();

        static Snapshot snapshot(Connection db) throws Exception {
            long[] machine = machine();
            Map<String, long[]> threads = new HashMap<>();
            if (cfg.serverPid > 0) {
                try (var tasks = Files.list(Path.of("/proc/" + cfg.serverPid + "/task"))) {
                    for (Path task : tasks.toList()) {
                        try {
                            String comm = Files.readString(task.resolve("comm")).strip();
                            threads.put(task.getFileName() + "\t" + comm, userSystem(task.resolve("stat")));
                        } catch (IOException gone) {
                            // the thread ended
                        }
                    }
                }
            }
            Map<Long, Long> pg = new HashMap<>();
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity "
                    + "WHERE datname = current_database() OR backend_type IN ('walwriter', 'checkpointer', "
                    + "'background writer')")) {
                while (rs.next()) {
                    long pid = rs.getLong(1);
                    try {
                        pg.put(pid, ticks(Path.of("/proc/" + pid + "/stat")));
                    } catch (IOException gone) {
                        // ended
                    }
                }
            }
            long self = ProcessHandle.current().pid();
            Map<Long, String> others = new HashMap<>();
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.toList()) {
                    String name = proc.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    long pid = Long.parseLong(name);
                    if (pid == self || pid == cfg.serverPid || pg.containsKey(pid)) {
                        continue;
                    }
                    try {
                        others.put(pid, describe(proc) + "\t" + ticks(proc.resolve("stat")));
                    } catch (IOException | RuntimeException gone) {
                        // ended
                    }
                }
            }
            return new Snapshot(System.nanoTime(), machine[0], machine[1], threads, pg,
                    ticks(Path.of("/proc/self/stat")), others);
        }

        /** A short name for a process: java processes by their jar or main class. */
        static String describe(Path proc) throws IOException {
            String[] args = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                    .split("\0");
            String comm = Files.readString(proc.resolve("comm")).strip();
            if (args.length == 0 || !comm.equals("java")) {
                return comm;
            }
            for (int i = 0; i < args.length - 1; i++) {
                if (args[i].equals("-jar")) {
                    return "java -jar " + Path.of(args[i + 1]).getFileName();
                }
            }
            String joined = String.join(" ", args);
            if (joined.contains("plexus-classworlds")) {
                return "java (maven)";
            }
            return "java " + args[args.length - 1].replaceAll(".*/", "");
        }

        static long[] machine() throws IOException {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        }

        static long[] userSystem(Path stat) throws IOException {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        }

        static long ticks(Path stat) throws IOException {
            long[] us = userSystem(stat);
            return us[0] + us[1];
        }

        static Cpu between(Snapshot a, Snapshot b) {
            Cpu c = new Cpu();
            c.seconds = (b.nanos() - a.nanos()) / 1e9;
            c.machineMs = (b.machineBusy() - a.machineBusy()) * TICK_MS;
            for (Map.Entry<String, long[]> e : b.serverThreads().entrySet()) {
                long[] before = a.serverThreads().getOrDefault(e.getKey(), new long[2]);
                String name = e.getKey().substring(e.getKey().indexOf('\t') + 1);
                double[] ms = c.serverMs.computeIfAbsent(role(name), k -> new double[2]);
                ms[0] += (e.getValue()[0] - before[0]) * TICK_MS;
                ms[1] += (e.getValue()[1] - before[1]) * TICK_MS;
            }
            for (Map.Entry<Long, Long> e : b.postgres().entrySet()) {
                c.postgresMs += (e.getValue() - a.postgres().getOrDefault(e.getKey(), 0L)) * TICK_MS;
            }
            c.benchMs = (b.bench() - a.bench()) * TICK_MS;
            for (Map.Entry<Long, String> e : b.others().entrySet()) {
                String[] now = e.getValue().split("\t");
                String was = a.others().get(e.getKey());
                long before = was == null ? 0 : Long.parseLong(was.split("\t")[1]);
                c.othersMs.merge(now[0], (Long.parseLong(now[1]) - before) * TICK_MS, Double::sum);
            }
            return c;
        }

        /** Server threads by their (15-character) native names. */
        static String role(String comm) {
            if (comm.startsWith("http-thread-poo")) {
                return "HTTP request threads";
            }
            if (comm.startsWith("http-listener") || comm.startsWith("Grizzly") || comm.contains("Selector")
                    || comm.startsWith("http-")) {
                return "HTTP I/O (Grizzly selectors)";
            }
            if (comm.startsWith("orb-thread-poo") || comm.startsWith("__ejb") || comm.startsWith("thread-pool-1")) {
                return "ingest consumers (MDB)";
            }
            if (comm.startsWith("ActiveMQ") || comm.startsWith("KahaDB") || comm.startsWith("BrokerService")) {
                return "JMS broker (ActiveMQ threads)";
            }
            if (comm.equals("VM Thread") || comm.startsWith("GC Thread") || comm.startsWith("VM Periodic")) {
                return "GC and VM (SerialGC: VM thread)";
            }
            if (comm.startsWith("C2 CompilerThre") || comm.startsWith("C1 CompilerThre")) {
                return "JIT compilers";
            }
            return "other server threads";
        }

        double serverTotal() {
            return serverMs.values().stream().mapToDouble(v -> v[0] + v[1]).sum();
        }

        double serverWithoutJit() {
            double[] jit = serverMs.getOrDefault("JIT compilers", new double[2]);
            return serverTotal() - jit[0] - jit[1];
        }

        double otherMs() {
            return Math.max(0, machineMs - serverTotal() - postgresMs - benchMs);
        }

        double otherShare() {
            return otherMs() / Math.max(1, machineMs);
        }

        void print(long batches, boolean infer) {
            out("  CPU over the window (%.0f s; 2 cores = 2000 CPU-ms/s): machine busy %.0f%%", seconds,
                    machineMs / seconds / 20);
            printPerBatch(batches, infer);
        }

        void printPerBatch(long batches, boolean infer) {
            out("    %-46s %9s %7s %13s %9s", "", "CPU-ms/s", "share", "CPU-ms/batch", "sys part");
            for (Map.Entry<String, double[]> e : serverMs.entrySet().stream()
                    .sorted((x, y) -> Double.compare(y.getValue()[0] + y.getValue()[1], x.getValue()[0]
                            + x.getValue()[1])).toList()) {
                double ms = e.getValue()[0] + e.getValue()[1];
                if (ms > 0) {
                    line("server: " + e.getKey(), ms, batches, e.getValue()[1] / ms);
                }
            }
            line("server total", serverTotal(), batches, Double.NaN);
            line("PostgreSQL (backends, WAL writer, checkpointer)", postgresMs, batches, Double.NaN);
            line("load generator (this JVM)", benchMs, batches, Double.NaN);
            line("other processes, kernel, steal", otherMs(), batches, Double.NaN);
            line("machine busy", machineMs, batches, Double.NaN);
            if (otherShare() > 0.05) {
                out("    busiest other processes (of those still running at the end): %s", othersMs.entrySet().stream()
                        .sorted((x, y) -> Double.compare(y.getValue(), x.getValue())).limit(4)
                        .map(e -> String.format("%s %.0f CPU-ms/s", e.getKey(), e.getValue() / seconds))
                        .collect(Collectors.joining(", ")));
            }
            double perBatch = (serverWithoutJit() + postgresMs + benchMs) / batches;
            if (!infer) {
                return;
            }
            out("    server (without JIT) + PostgreSQL + load generator = %.1f CPU-ms per batch -> at most %.0f "
                    + "batches/s on 2 idle cores at this cost (inferred)", perBatch, 2000 / perBatch);
        }

        private void line(String what, double ms, long batches, double sys) {
            out("    %-46s %9.0f %6.1f%% %13.2f %9s", what.length() > 46 ? what.substring(0, 46) : what,
                    ms / seconds, 100 * ms / Math.max(1, machineMs), ms / batches,
                    Double.isNaN(sys) ? "" : String.format("%.0f%%", 100 * sys));
        }
    }

    // ------------------------------------------------------------------------------------------------ JFR profile

    /** Java-on-CPU samples of the server (jdk.ExecutionSample) by component (the innermost non-JDK frame) and by
     * thread role; plus the stop-the-world GC time. */
    static final class Profile {
        final Map<String, Map<String, Long>> byRole = new TreeMap<>();
        final Map<String, Long> byComponent = new TreeMap<>();
        final Map<String, Long> leaves = new HashMap<>();
        long samples;
        double gcMs;
        double seconds;

        static Profile read(Path file, long windowStart, long windowEnd) throws IOException {
            long nowMs = System.currentTimeMillis();
            long nowNs = System.nanoTime();
            long fromMs = nowMs - (nowNs - windowStart) / 1_000_000;
            long toMs = nowMs - (nowNs - windowEnd) / 1_000_000;
            Profile p = new Profile();
            long first = Long.MAX_VALUE;
            long last = 0;
            try (RecordingFile rf = new RecordingFile(file)) {
                while (rf.hasMoreEvents()) {
                    RecordedEvent e = rf.readEvent();
                    String type = e.getEventType().getName();
                    long at = e.getStartTime().toEpochMilli();
                    if (at < fromMs || at > toMs) {
                        continue;
                    }
                    if (type.equals("jdk.ExecutionSample")) {
                        RecordedStackTrace st = e.getStackTrace();
                        if (st == null || st.getFrames().isEmpty()) {
                            continue;
                        }
                        RecordedFrame leaf = st.getFrames().get(0);
                        if (leaf.getMethod() != null && leaf.getMethod().getType() != null) {
                            p.leaves.merge(leaf.getMethod().getType().getName() + "." + leaf.getMethod().getName(),
                                    1L, Long::sum);
                        }
                        String thread = e.getThread("sampledThread") == null ? "?"
                                : String.valueOf(e.getThread("sampledThread").getJavaName());
                        String component = component(st.getFrames());
                        String role = threadRole(thread);
                        p.byRole.computeIfAbsent(role, k -> new TreeMap<>()).merge(component, 1L, Long::sum);
                        p.byComponent.merge(component, 1L, Long::sum);
                        p.samples++;
                        long t = e.getStartTime().toEpochMilli();
                        first = Math.min(first, t);
                        last = Math.max(last, t);
                    } else if (type.equals("jdk.GarbageCollection")) {
                        p.gcMs += e.getDuration().toNanos() / 1e6;
                    }
                }
            }
            p.seconds = (last - first) / 1000.0;
            return p;
        }

        static final String[][] COMPONENTS = {
            {"org.postgresql.", "JDBC driver (PostgreSQL)"},
            {"org.eclipse.persistence.", "JPA (EclipseLink)"},
            {"org.eclipse.yasson.", "JSON (Yasson/Parsson)"},
            {"com.fasterxml.jackson.", "JSON (Jackson)"},
            {"org.eclipse.parsson.", "JSON (Yasson/Parsson)"},
            {"org.glassfish.json.", "JSON (Yasson/Parsson)"},
            {"jakarta.json.", "JSON (Yasson/Parsson)"},
            {"org.apache.activemq.store.", "JMS store (KahaDB)"},
            {"org.apache.activemq.util.", "JMS (ActiveMQ broker, client, RA)"},
            {"org.apache.activemq.", "JMS (ActiveMQ broker, client, RA)"},
            {"org.fusesource.hawtbuf.", "JMS (ActiveMQ broker, client, RA)"},
            {"org.glassfish.grizzly.", "HTTP (Grizzly, Jersey)"},
            {"org.glassfish.jersey.", "HTTP (Grizzly, Jersey)"},
            {"jakarta.ws.rs.", "HTTP (Grizzly, Jersey)"},
            {"org.caart.", "CAaRT code"},
            {"com.sun.enterprise.resource.", "container (JCA pools, JTA, EJB, CDI)"},
            {"com.sun.gjc.", "container (JCA pools, JTA, EJB, CDI)"},
            {"com.sun.", "container (JCA pools, JTA, EJB, CDI)"},
            {"org.glassfish.", "container (JCA pools, JTA, EJB, CDI)"},
            {"org.jboss.weld.", "container (JCA pools, JTA, EJB, CDI)"},
            {"fish.payara.", "container (JCA pools, JTA, EJB, CDI)"},
            {"com.hazelcast.", "container (JCA pools, JTA, EJB, CDI)"},
            {"jakarta.", "container (JCA pools, JTA, EJB, CDI)"},
        };

        static String component(List<RecordedFrame> frames) {
            for (RecordedFrame f : frames) {
                if (f.getMethod() == null || f.getMethod().getType() == null) {
                    continue;
                }
                String cls = f.getMethod().getType().getName();
                if (cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.")
                        || cls.startsWith("javax.") || cls.startsWith("com.sun.proxy.")) {
                    continue;
                }
                for (String[] c : COMPONENTS) {
                    if (cls.startsWith(c[0])) {
                        return c[1];
                    }
                }
                return "other libraries";
            }
            return "JDK only (no framework frame)";
        }

        static String threadRole(String name) {
            if (name.startsWith("http-thread-pool")) {
                return "HTTP request threads";
            }
            if (name.contains("ActiveMQ Session") || name.startsWith("__ejb") || name.startsWith("payara-executor")
                    || name.startsWith("thread-pool") || name.startsWith("orb-thread-pool")) {
                return "ingest consumers";
            }
            if (name.startsWith("ActiveMQ") || name.contains("KahaDB")) {
                return "JMS broker";
            }
            if (name.startsWith("http-listener") || name.contains("Selector") || name.startsWith("Grizzly")) {
                return "HTTP I/O";
            }
            return "other: " + name.replaceAll("[-_ ]?\\(?\\d+\\)?$", "");
        }

        void print() {
            out("  server Java-on-CPU samples (JFR, %d samples over %.0f s; JDK frames charged to their caller's "
                    + "component); stop-the-world GC %.0f ms = %.1f%% of one core", samples, seconds, gcMs,
                    gcMs / Math.max(1, seconds) / 10);
            List<String> comps = byComponent.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).map(Map.Entry::getKey).toList();
            for (Map.Entry<String, Map<String, Long>> role : byRole.entrySet().stream()
                    .sorted((a, b) -> Long.compare(total(b.getValue()), total(a.getValue()))).toList()) {
                long t = total(role.getValue());
                if (t * 100 < samples) {
                    continue;
                }
                out("    %-28s %5.1f%%: %s", role.getKey(), 100.0 * t / samples, comps.stream()
                        .filter(c -> role.getValue().getOrDefault(c, 0L) * 200 >= samples)
                        .map(c -> String.format("%s %.1f%%", c, 100.0 * role.getValue().get(c) / samples))
                        .collect(Collectors.joining(", ")));
            }
            printShort();
            out("    hottest methods (leaf frames): %s", leaves.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(12)
                    .map(e -> String.format("%s %.1f%%", e.getKey().replaceAll("^.*\\.([^.]+\\.[^.]+)$", "$1"),
                            100.0 * e.getValue() / samples))
                    .collect(Collectors.joining(", ")));
        }

        void printShort() {
            out("    all threads: %s", byComponent.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .map(e -> String.format("%s %.1f%%", e.getKey(), 100.0 * e.getValue() / samples))
                    .collect(Collectors.joining(", ")));
        }

        static long total(Map<String, Long> m) {
            return m.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    // ------------------------------------------------------------------------------------------------ raw JDBC

    /**
     * The same rows inserted with plain JDBC into bench_check_result, a copy of check_result made with
     * {@code LIKE check_result INCLUDING ALL} (same columns, defaults, primary key and run index; no foreign key,
     * as check_result has none since V6); the rows name the benchmark's real runs and point at the checks' texts,
     * stored once beforehand in bench_check_text as the server stores them once in check_text. 300 rows per
     * transaction, one executeBatch each (the driver's default: no rewriting into multi-row INSERTs).
     */
    static final class RawJdbc {
        final Setup setup;
        final Connection db;
        final List<Object[]> rows = new ArrayList<>();
        final AtomicLong ids = new AtomicLong(1_000_000_000L);

        RawJdbc(Setup setup, Connection db, byte[] resultsJson) throws Exception {
            this.setup = setup;
            this.db = db;
            try (Statement st = db.createStatement()) {
                st.execute("DROP TABLE IF EXISTS bench_check_result");
                st.execute("CREATE TABLE bench_check_result (LIKE check_result INCLUDING ALL)");
                st.execute("DROP TABLE IF EXISTS bench_ingested_batch");
                st.execute("CREATE TABLE bench_ingested_batch (LIKE ingested_batch INCLUDING ALL)");
                st.execute("DROP TABLE IF EXISTS bench_check_text");
                st.execute("CREATE TABLE bench_check_text (LIKE check_text INCLUDING ALL)");
            }
            // the values the server stores for the batch's results (ResultRows): the checks' texts once, in
            // bench_check_text (the server has them from the first batch on), and rows that point at them
            String json = new String(resultsJson, StandardCharsets.UTF_8);
            try (PreparedStatement text = db.prepareStatement("INSERT INTO bench_check_text (id, digest, refs, "
                    + "description, rationale, remediation) VALUES (?, ?, ?, ?, ?, ?)")) {
                long textId = 0;
                for (String r : json.substring(2, json.length() - 2).split("\\},\\{")) {
                    textId++;
                    text.setLong(1, textId);
                    text.setString(2, Long.toString(textId));
                    text.setString(3, refs(r));
                    text.setString(4, str(r, "description"));
                    text.setString(5, str(r, "rationale"));
                    text.setString(6, str(r, "remediation"));
                    text.addBatch();
                    rows.add(new Object[] {str(r, "checkId"), str(r, "title"), str(r, "status"), str(r, "severity"),
                        Long.toString(textId), str(r, "reason"), str(r, "expected"), str(r, "observed"),
                        Long.parseLong(num(r, "durationMicros"))});
                }
                text.executeBatch();
            }
            if (rows.size() != cfg.results) {
                throw new IllegalStateException("parsed " + rows.size() + " results");
            }
        }

        static String str(String obj, String key) {
            Matcher m = Pattern.compile("\"" + key + "\":(null|\"([^\"]*)\")").matcher(obj);
            return m.find() ? m.group(2) : null;
        }

        static String num(String obj, String key) {
            Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(obj);
            m.find();
            return m.group(1);
        }

        static String refs(String obj) {
            Matcher m = Pattern.compile("\"references\":\\[([^\\]]*)\\]").matcher(obj);
            m.find();
            return Arrays.stream(m.group(1).split("\",\"")).map(s -> s.replace("\"", ""))
                    .collect(Collectors.joining(", "));
        }

        static final String INSERT = "INSERT INTO bench_check_result (id, run_id, company_id, check_id, title, status, "
                + "severity, text_id, reason, expected, observed, duration_micros, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        static final int TEXT_ID = 4;
        static final int DURATION = 8;

        void bind(PreparedStatement ps, long id, String run, Object[] r, OffsetDateTime now) throws SQLException {
            ps.setLong(1, id);
            ps.setString(2, run);
            ps.setLong(3, setup.companyId);
            for (int i = 0; i < DURATION; i++) {
                if (i == TEXT_ID) {
                    ps.setLong(4 + i, Long.parseLong((String) r[i]));
                } else {
                    ps.setString(4 + i, (String) r[i]);
                }
            }
            ps.setLong(4 + DURATION, (Long) r[DURATION]);
            ps.setObject(5 + DURATION, now);
        }

        /** Rows per second of plain batched inserts on {@code threads} connections. */
        double insert(long total, int threads) throws Exception {
            return insert(total, threads, false);
        }

        /** With {@code rewrite} the driver sends each executeBatch as multi-row INSERTs (reWriteBatchedInserts). */
        double insert(long total, int threads, boolean rewrite) throws Exception {
            truncate();
            long batches = total / cfg.results;
            AtomicLong next = new AtomicLong();
            long t0 = System.nanoTime();
            runThreads(threads, () -> {
                try (Connection c = rewrite ? DriverManager.getConnection(cfg.jdbc + (cfg.jdbc.contains("?") ? "&"
                        : "?") + "reWriteBatchedInserts=true", cfg.dbUser, cfg.dbPassword) : connect();
                        PreparedStatement ps = c.prepareStatement(INSERT)) {
                    c.setAutoCommit(false);
                    long b;
                    while ((b = next.getAndIncrement()) < batches) {
                        String run = setup.agents.get((int) (b % setup.agents.size())).runs()[0];
                        OffsetDateTime now = OffsetDateTime.now();
                        for (Object[] r : rows) {
                            bind(ps, ids.incrementAndGet(), run, r, now);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        c.commit();
                    }
                }
                return null;
            });
            double secs = (System.nanoTime() - t0) / 1e9;
            double rate = batches * cfg.results / secs;
            out("raw JDBC%s: %,d rows in %.1f s on %d connection(s) = %,.0f rows/s (%.1f batches of %d/s)",
                    rewrite ? " (reWriteBatchedInserts=true)" : "", batches * cfg.results, secs, threads, rate,
                    rate / cfg.results, cfg.results);
            return rate;
        }

        /**
         * All the database work the server does for one batch, as JDBC on {@code threads} connections: the
         * agent lookup and the run's stop flag (HTTP side, autocommit), then in one transaction the claim
         * (INSERT ... ON CONFLICT), the run lookup with its audit, one sequence call (500 ids) and the rows with
         * one COPY (as ResultRows), the counter UPDATE of the run and the audit UPDATE. The counters hit the
         * benchmark's real audit_run rows (phase 0's runs).
         */
        double serverShaped(long total, int threads) throws Exception {
            truncate();
            long batches = total / cfg.results;
            AtomicLong next = new AtomicLong();
            long t0 = System.nanoTime();
            runThreads(threads, () -> {
                try (Connection c = connect();
                        PreparedStatement auth = c.prepareStatement("SELECT id, company_id, secret_hash, status "
                                + "FROM endpoint WHERE agent_id = ?");
                        PreparedStatement stopQ = c.prepareStatement("SELECT status, stop_requested FROM audit_run "
                                + "WHERE id = ? AND endpoint_id = ?");
                        PreparedStatement claim = c.prepareStatement("INSERT INTO bench_ingested_batch (batch_id, "
                                + "run_id, sequence_no, results, received_at) VALUES (?, ?, ?, ?, ?) "
                                + "ON CONFLICT DO NOTHING");
                        PreparedStatement run = c.prepareStatement("SELECT r.*, a.* FROM audit_run r JOIN audit a "
                                + "ON a.id = r.audit_id WHERE r.id = ? AND r.endpoint_id = ?");
                        PreparedStatement seq = c.prepareStatement("SELECT nextval('check_result_seq')");
                        PreparedStatement counters = c.prepareStatement("UPDATE audit_run SET received = received "
                                + "+ ?, passed = passed + ?, failed = failed + ?, not_applicable = not_applicable + ?, "
                                + "errors = errors + ?, not_run = not_run + ?, planned = CASE WHEN ? > planned THEN ? "
                                + "ELSE planned END, status = CASE WHEN status = 'QUEUED' THEN 'RUNNING' ELSE status "
                                + "END, started_at = COALESCE(started_at, ?) WHERE id = ?");
                        PreparedStatement audit = c.prepareStatement("UPDATE audit SET status = 'RUNNING', "
                                + "started_at = ?, version = version + 1 WHERE id = ? AND status = 'PENDING'")) {
                    long b;
                    while ((b = next.getAndIncrement()) < batches) {
                        Agent agent = setup.agents.get((int) (b % setup.agents.size()));
                        String runId = agent.runs()[0];
                        OffsetDateTime now = OffsetDateTime.now();
                        c.setAutoCommit(true);
                        auth.setString(1, agent.agentId());
                        long endpoint;
                        try (ResultSet rs = auth.executeQuery()) {
                            rs.next();
                            endpoint = rs.getLong(1);
                        }
                        stopQ.setString(1, runId);
                        stopQ.setLong(2, endpoint);
                        stopQ.executeQuery().close();
                        c.setAutoCommit(false);
                        claim.setString(1, UUID.randomUUID().toString());
                        claim.setString(2, runId);
                        claim.setInt(3, (int) b);
                        claim.setInt(4, cfg.results);
                        claim.setObject(5, now);
                        claim.executeUpdate();
                        run.setString(1, runId);
                        run.setLong(2, endpoint);
                        run.executeQuery().close();
                        seq.executeQuery().close();
                        copy(c, runId, now);
                        counters.setInt(1, cfg.results);
                        for (int i = 2; i <= 6; i++) {
                            counters.setInt(i, i == 2 ? cfg.results : 0);
                        }
                        counters.setInt(7, 100000);
                        counters.setInt(8, 100000);
                        counters.setObject(9, now);
                        counters.setString(10, runId);
                        counters.executeUpdate();
                        audit.setObject(1, now);
                        audit.setLong(2, setup.audits[0]);
                        audit.executeUpdate();
                        c.commit();
                    }
                }
                return null;
            });
            double secs = (System.nanoTime() - t0) / 1e9;
            double rate = batches * cfg.results / secs;
            out("server-shaped JDBC: %,d rows in %.1f s on %d connections = %,.0f rows/s (%.1f batches/s)",
                    batches * cfg.results, secs, threads, rate, rate / cfg.results);
            return rate;
        }

        /** The batch's rows with one COPY in text format, as the server's ResultRows writes them on PostgreSQL. */
        void copy(Connection c, String runId, OffsetDateTime now) throws SQLException {
            StringBuilder data = new StringBuilder(rows.size() * 1024);
            String time = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx").format(now);
            for (Object[] r : rows) {
                data.append(ids.incrementAndGet()).append('\t').append(runId).append('\t').append(setup.companyId);
                for (int i = 0; i < DURATION; i++) {
                    data.append('\t');
                    if (r[i] == null) {
                        data.append("\\N");
                    } else {
                        for (char ch : ((String) r[i]).toCharArray()) {
                            switch (ch) {
                                case '\\' -> data.append("\\\\");
                                case '\t' -> data.append("\\t");
                                case '\n' -> data.append("\\n");
                                case '\r' -> data.append("\\r");
                                default -> data.append(ch);
                            }
                        }
                    }
                }
                data.append('\t').append(r[DURATION]).append('\t').append(time).append('\n');
            }
            try {
                c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY bench_check_result (id, run_id, "
                        + "company_id, check_id, title, status, severity, text_id, reason, expected, observed, "
                        + "duration_micros, received_at) FROM STDIN",
                        new java.io.ByteArrayInputStream(data.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        }

        void truncate() throws SQLException {
            try (Statement st = db.createStatement()) {
                st.execute("TRUNCATE bench_check_result, bench_ingested_batch");
                st.execute("CHECKPOINT");
            }
        }
    }

    interface Work {
        Object call() throws Exception;
    }

    static void runThreads(int n, Work work) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                try {
                    work.call();
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("worker failed", failures.get(0));
        }
    }

    // ------------------------------------------------------------------------------------------------ JSON micro

    /** The server's JSON work per batch, single thread after a warm-up: its own reader (BatchJson, Jackson, from the
     * distribution's caart-ejb) runs twice per batch (ResultsResource via AgentReports checks the body, which is
     * queued as it came; IngestConsumer reads it again). JSON-B (Yasson), which the server used before, for
     * comparison. */
    static final class Micro {
        double parseMs = Double.NaN;
        double yassonMs = Double.NaN;

        static Micro run(byte[] results, Setup setup) throws Exception {
            Micro m = new Micro();
            byte[] json = body(UUID.randomUUID().toString(), setup.agents.get(0).runs()[0], 1, results);
            try {
                var read = Class.forName("org.caart.audit.control.BatchJson").getMethod("read", byte[].class);
                m.parseMs = time(() -> read.invoke(null, (Object) json));
            } catch (ReflectiveOperationException | LinkageError e) {
                out("JSON micro-benchmark of the server's reader skipped (caart-ejb or Jackson not on the class "
                        + "path): %s", e);
            }
            try {
                Class<?> view = Class.forName("org.caart.contract.agent.v1.ResultBatchView");
                Object jsonb = Class.forName("jakarta.json.bind.JsonbBuilder").getMethod("create").invoke(null);
                var fromJson = jsonb.getClass().getMethod("fromJson", String.class, Class.class);
                String text = new String(json, StandardCharsets.UTF_8);
                m.yassonMs = time(() -> fromJson.invoke(jsonb, text, view));
            } catch (ReflectiveOperationException | LinkageError e) {
                out("JSON micro-benchmark of Yasson skipped (not on the class path): %s", e);
            }
            out("JSON (one thread): the server's reader (Jackson) %.2f ms, Yasson %.2f ms per %d-result batch (%,d bytes)",
                    m.parseMs, m.yassonMs, cfg.results, json.length);
            return m;
        }

        interface Work {
            Object run() throws Exception;
        }

        /** Milliseconds per call: 4 s of warm-up, then 4 s counted. */
        static double time(Work work) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            while (System.nanoTime() < end) {
                work.run();
            }
            int n = 0;
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(4)) {
                work.run();
                n++;
            }
            return (System.nanoTime() - t0) / 1e6 / n;
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(cfg.jdbc, cfg.dbUser, cfg.dbPassword);
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static synchronized void out(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(format, args));
        System.out.flush();
    }
}
