import java.io.IOException;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Portal benchmark of a running CAaRT server (started and seeded by bench/portal.sh): signed-in users, each in its
 * own session, open the company's pages the way a browser does (full page loads, and the audit page's ajax poll and
 * filter posted with the page's view state) and the response times are counted per page.
 *
 * <p>{@code setup URL FILE USERS}: signs up USERS accounts through the sign-up page and writes them to FILE (the
 * script makes them members of the seeded company). {@code measure URL FILE COMPANY RUNNING LAST
 * WARMUP SECONDS THINK_MS [ENDPOINT_PAGE [FIRST_ENDPOINT ENDPOINTS]]}: each account signs in and loops over the pages for WARMUP + SECONDS seconds, waiting
 * 0..2 x THINK_MS between two pages; only the last SECONDS count. RUNNING is the id of the audit that runs now (its
 * page polls), LAST the id of last night's audit (its results are filtered); ENDPOINT_PAGE the endpoint page
 * ({@code {endpoint}} in it: one of the ENDPOINTS ids from FIRST_ENDPOINT at random, per request; without it the
 * endpoints list). Prints the figures.
 */
public final class PortalBench {

    static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");
    /** The view state a partial response hands back (the browser posts it with the next request of the view). */
    static final Pattern AJAX_VIEW_STATE = Pattern.compile("jakarta\\.faces\\.ViewState:\\d+\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");
    static final long TARGET_P95_MS = 300;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "setup" -> setup(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            case "measure" -> measure(args[1], Path.of(args[2]), Long.parseLong(args[3]), Long.parseLong(args[4]),
                    Long.parseLong(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]),
                    Integer.parseInt(args[8]), args.length > 9 ? args[9] : "",
                    args.length > 11 ? Long.parseLong(args[10]) : 0, args.length > 11 ? Integer.parseInt(args[11]) : 0);
            default -> throw new IllegalArgumentException("setup or measure");
        }
    }

    // ---------------------------------------------------------------------------------------------------- setup

    static void setup(String base, Path file, int users) throws Exception {
        if (System.getenv("BENCH_USER_PASSWORD") == null || System.getenv("BENCH_USER_PASSWORD").length() < 12) {
            throw new IllegalStateException("BENCH_USER_PASSWORD (at least 12 characters) is needed for the users");
        }
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= users; i++) {
            String email = "user" + i + "@portal.bench.test";
            // from the script (random per new database, printed when the database is kept for reuse)
            String password = System.getenv("BENCH_USER_PASSWORD") + "-" + i;
            Session s = new Session(base);
            Page page = s.submit("/signup.xhtml", "signUp", "submit", Map.of("firstName", "Bench", "lastName",
                    "User " + i, "email", email, "password", password, "confirmation", password));
            if (!page.path.startsWith("/app/")) {
                throw new IllegalStateException("sign-up of " + email + " failed (" + page.status + " " + page.path
                        + "): " + page.body.substring(0, Math.min(800, page.body.length())));
            }
            lines.add(email + " " + password);
        }
        Files.write(file, lines);
    }

    // -------------------------------------------------------------------------------------------------- measure

    /** The pages measured, in the order printed. */
    enum Op {
        DASHBOARD("dashboard"), AUDIT_POLL("audit page poll (running audit)"),
        FILTER("filtered results (last night's audit)"), ENDPOINT("endpoint page"), PATCHES("patch board"),
        AUDIT_OPEN("audit page opened (not a target)");

        final String label;

        Op(String label) {
            this.label = label;
        }
    }

    static final Map<Op, ConcurrentLinkedQueue<Long>> TIMES = new ConcurrentHashMap<>();
    static final Map<Op, AtomicLong> ERRORS = new ConcurrentHashMap<>();
    static final ConcurrentLinkedQueue<String> ERROR_SAMPLES = new ConcurrentLinkedQueue<>();
    static volatile boolean counting;
    static final AtomicLong EXPIRED = new AtomicLong();

    /** A postback of a view the session no longer holds; the page is opened again (not counted as the page's). */
    static final class ViewExpired extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ViewExpired() {
            super("view expired", null, false, false);
        }
    }

    static void measure(String base, Path file, long company, long running, long last, int warmup, int seconds,
                        int thinkMs, String endpointPage, long firstEndpoint, int endpoints) throws Exception {
        List<String[]> users = Files.readAllLines(file).stream().map(l -> l.split(" ")).toList();
        for (Op op : Op.values()) {
            TIMES.put(op, new ConcurrentLinkedQueue<>());
            ERRORS.put(op, new AtomicLong());
        }
        String endpointPath = endpointPage.isBlank() ? "/app/endpoints.xhtml?company=" + company
                : endpointPage.replace("{company}", String.valueOf(company));
        System.out.printf("%d signed-in users, each waiting 0..%d ms between two pages; %d s warm-up, %d s measured;"
                + " load average %s%n", users.size(), 2 * thinkMs, warmup, seconds, loadAverage());
        System.out.println("endpoint page measured: " + endpointPath + (endpointPath.contains("{endpoint}")
                ? " ({endpoint}: one of the company's " + endpoints + " endpoints at random, " + firstEndpoint + "..."
                        + (firstEndpoint + endpoints - 1) + ")" : ""));
        long start = System.nanoTime();
        long countFrom = start + warmup * 1_000_000_000L;
        long end = countFrom + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        for (String[] user : users) {
            Thread t = new Thread(() -> {
                try {
                    userLoop(base, user[0], user[1], company, running, last, endpointPath, firstEndpoint,
                            endpoints, thinkMs, end);
                } catch (Exception e) {
                    ERROR_SAMPLES.add(user[0] + ": " + e);
                }
            });
            t.start();
            threads.add(t);
        }
        while (System.nanoTime() < end) {
            if (!counting && System.nanoTime() >= countFrom) {
                counting = true;
                loads.add("start of the measured window " + loadAverage());
            }
            Thread.sleep(200);
        }
        loads.add("end " + loadAverage());
        for (Thread t : threads) {
            t.join(120_000);
        }
        print(loads);
    }

    static void userLoop(String base, String email, String password, long company, long running, long last,
                         String endpointPath, long firstEndpoint, int endpoints, int thinkMs, long end)
            throws Exception {
        Session s = new Session(base);
        Page signedIn = s.submit("/login.xhtml", "login", "submit", Map.of("email", email, "password", password));
        if (!signedIn.path.startsWith("/app/")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.status + " " + signedIn.path);
        }
        String c = "?company=" + company;
        Page poll = null;
        Page filter = null;
        Op[] ops = {Op.DASHBOARD, Op.AUDIT_POLL, Op.FILTER, Op.ENDPOINT, Op.PATCHES};
        while (System.nanoTime() < end) {
            Op op = ops[ThreadLocalRandom.current().nextInt(ops.length)];
            try {
                switch (op) {
                    case DASHBOARD -> timed(op, () -> s.get("/app/dashboard.xhtml" + c), "Company score");
                    case ENDPOINT -> {
                        String path = endpointPath.replace("{endpoint}", String.valueOf(
                                firstEndpoint + ThreadLocalRandom.current().nextInt(Math.max(1, endpoints))));
                        timed(op, () -> s.get(path), "host-0-");
                    }
                    case PATCHES -> timed(op, () -> s.get("/app/patches.xhtml" + c), "host-0-");
                    case AUDIT_POLL -> {
                        if (poll == null) {
                            poll = timed(Op.AUDIT_OPEN, () -> s.get("/app/audit.xhtml" + c + "&audit=" + running),
                                    "Audit running now");
                        }
                        Page shown = poll;
                        Page answer;
                        try {
                            answer = timed(op, () -> s.ajax("/app/audit.xhtml" + c + "&audit=" + running, shown,
                                    "live:poll", "live:poll live:filters", "live:summary live:runs live:results",
                                    Map.of("live:status_input", "", "live:severity_input", "", "live:text", "")),
                                    "<partial-response");
                        } catch (ViewExpired e) {
                            poll = null; // the session let the view go: open the page again, as the user would
                            continue;
                        } catch (RuntimeException e) {
                            poll = null;
                            throw e;
                        }
                        poll = shown.after(answer);
                    }
                    case FILTER -> {
                        if (filter == null) {
                            filter = timed(Op.AUDIT_OPEN, () -> s.get("/app/audit.xhtml" + c + "&audit=" + last),
                                    "Nightly compliance run");
                        }
                        Page shown = filter;
                        String severity = ThreadLocalRandom.current().nextBoolean() ? "HIGH" : "CRITICAL";
                        Page answer;
                        try {
                            answer = timed(op, () -> s.ajax("/app/audit.xhtml" + c + "&audit=" + last, shown,
                                    "live:filter", "live:filter live:filters", "live:results",
                                    Map.of("live:status_input", "FAILED", "live:severity_input", severity,
                                            "live:text", "")), "<partial-response");
                        } catch (ViewExpired e) {
                            filter = null;
                            continue;
                        } catch (RuntimeException e) {
                            filter = null;
                            throw e;
                        }
                        filter = shown.after(answer);
                    }
                    default -> throw new IllegalStateException(op.name());
                }
            } catch (RuntimeException e) {
                ERRORS.get(op).incrementAndGet();
                if (ERROR_SAMPLES.size() < 10) {
                    ERROR_SAMPLES.add(op + ": " + e.getMessage());
                }
            }
            if (thinkMs > 0) {
                Thread.sleep(ThreadLocalRandom.current().nextInt(2 * thinkMs + 1));
            }
        }
    }

    interface Call {
        Page run() throws IOException, InterruptedException;
    }

    static Page timed(Op op, Call call, String expected) {
        long t0 = System.nanoTime();
        Page page;
        try {
            page = call.run();
        } catch (IOException e) {
            throw new IllegalStateException(e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (page.body.contains("<error-name>class jakarta.faces.application.ViewExpiredException")
                || page.body.contains("<partial-response") && page.body.contains("<redirect url=")) {
            // not the page's time: Faces keeps a session's 15 newest views, and a user who opened 15 others since
            // (here: the other pages, in the same session) finds this one gone; the portal answers such an ajax
            // request by loading the page again (a partial-response redirect), which a browser follows
            if (counting) {
                EXPIRED.incrementAndGet();
            }
            throw new ViewExpired();
        }
        if (page.status != 200 || !page.body.contains(expected) || page.body.contains("<error>")) {
            throw new IllegalStateException(page.status + " " + page.path + " without '" + expected + "': "
                    + page.body.substring(0, Math.min(300, page.body.length())).replace('\n', ' '));
        }
        if (counting) {
            TIMES.get(op).add(ms);
        }
        return page;
    }

    static void print(List<String> loads) {
        System.out.println();
        System.out.printf("%-42s %7s %7s %7s %7s %7s %7s  %s%n", "page", "count", "errors", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "target p95 < " + TARGET_P95_MS + " ms");
        boolean met = true;
        for (Op op : Op.values()) {
            List<Long> sorted = TIMES.get(op).stream().sorted().toList();
            long p95 = pct(sorted, 95);
            boolean target = op != Op.AUDIT_OPEN;
            boolean ok = !sorted.isEmpty() && p95 < TARGET_P95_MS && ERRORS.get(op).get() == 0;
            if (target) {
                met &= ok;
            }
            System.out.printf("%-42s %7d %7d %7d %7d %7d %7d  %s%n", op.label, sorted.size(), ERRORS.get(op).get(),
                    pct(sorted, 50), p95, pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                    target ? (ok ? "met" : "MISSED") : "");
        }
        System.out.println("load average (1, 5, 15 min): " + String.join("; ", loads));
        System.out.println("audit page views expired in the measured window (the session keeps its 15 newest views; "
                + "the page was opened again, the answer not counted): " + EXPIRED.get());
        if (!ERROR_SAMPLES.isEmpty()) {
            System.out.println("errors (first ones):");
            ERROR_SAMPLES.forEach(e -> System.out.println("  " + e));
        }
        System.out.println(met ? "every page's p95 is under " + TARGET_P95_MS + " ms"
                : "TARGET MISSED: a page's p95 is " + TARGET_P95_MS + " ms or more, or a page failed");
    }

    static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    // --------------------------------------------------------------------------------------------------- client

    record Page(int status, String path, String body) {

        String viewState() {
            Matcher m = VIEW_STATE.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no form on " + path);
            }
            return m.group(1);
        }

        /**
         * This page as the browser holds it after an ajax answer: with the view state the answer handed back (the
         * server keeps a view's last states only, so posting the first one for ever would end in an expired view).
         */
        Page after(Page answer) {
            Matcher m = AJAX_VIEW_STATE.matcher(answer.body);
            if (!m.find()) {
                return this;
            }
            String state = m.group(1);
            Matcher old = VIEW_STATE.matcher(body);
            if (!old.find()) {
                return this;
            }
            return new Page(status, path, body.substring(0, old.start(1)) + state + body.substring(old.end(1)));
        }

        String nonce() {
            Matcher m = NONCE.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    /** One browser session: a cookie jar and the portal's forms posted as a browser posts them. */
    static final class Session {

        final String base;
        final HttpClient http;

        Session(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        }

        Page get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        Page submit(String path, String form, String button, Map<String, String> fields)
                throws IOException, InterruptedException {
            Page shown = get(path);
            Map<String, String> data = new LinkedHashMap<>();
            data.put(form, form);
            fields.forEach((id, value) -> data.put(form + ":" + id, value));
            data.put(form + ":" + button, "");
            data.put("jakarta.faces.ViewState", shown.viewState());
            if (shown.nonce() != null) {
                data.put("primefaces.nonce", shown.nonce());
            }
            return post(path, data, false);
        }

        /** A PrimeFaces ajax request of a page shown before, as the browser sends it for a poll or a button. */
        Page ajax(String path, Page shown, String source, String execute, String render, Map<String, String> fields)
                throws IOException, InterruptedException {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("jakarta.faces.partial.ajax", "true");
            data.put("jakarta.faces.source", source);
            data.put("jakarta.faces.partial.execute", execute);
            data.put("jakarta.faces.partial.render", render);
            data.put(source, source);
            data.put(source.substring(0, source.indexOf(':')), source.substring(0, source.indexOf(':')));
            data.putAll(fields);
            data.put("jakarta.faces.ViewState", shown.viewState());
            if (shown.nonce() != null) {
                data.put("primefaces.nonce", shown.nonce());
            }
            return post(path, data, true);
        }

        Page post(String path, Map<String, String> data, boolean ajax) throws IOException, InterruptedException {
            String body = data.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (ajax) {
                request.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
            }
            return send(request);
        }

        Page send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.uri().getRawPath(), r.body());
        }

        static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
