package org.caart.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Starts the CAaRT server (the Payara Micro uber jar) as a child process, waits until /health/ready answers 200
 * and says where the portal is. Exits non-zero with one sentence when the server cannot come up: Payara Micro
 * itself stays alive after a failed deployment, so the launcher watches its output and stops it. Payara answers
 * /health/ready with 200 before the application has registered its checks, so ready means: 200 and CAaRT's
 * database check among the answers.
 */
public final class Launcher {

    /** How long a deployment that logged a SEVERE record may take to answer once Payara Micro says it is ready. */
    static final Duration APP_GRACE = Duration.ofSeconds(20);
    static final int MAX_ATTEMPTS = 3;

    private final Map<String, String> env;
    private final Path workingDir;
    private final PrintStream out;
    /** Kept reachable: an unreachable channel would be closed, and its lock released, by the garbage collector. */
    private java.nio.channels.FileLock dataLock;

    Launcher(Map<String, String> env, Path workingDir, PrintStream out) {
        this.env = env;
        this.workingDir = workingDir;
        this.out = out;
    }

    public static void main(String[] args) {
        Launcher launcher = new Launcher(System.getenv(), Path.of("").toAbsolutePath(), System.out);
        System.exit(args.length == 0 ? launcher.run() : launcher.verb(java.util.List.of(args)));
    }

    /** {@code caart backup DIR}, {@code caart restore DIR}: the data folder of a stopped server. */
    int verb(java.util.List<String> args) {
        try {
            return switch (args.get(0)) {
                case "backup" -> Backup.run(env, workingDir, args.subList(1, args.size()), out);
                case "restore" -> Restore.run(env, workingDir, args.subList(1, args.size()), out);
                default -> throw new LaunchException("unknown command \"" + args.get(0)
                        + "\"; use caart (start), caart backup DIR or caart restore DIR");
            };
        } catch (LaunchException e) {
            out.println("caart " + args.get(0) + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            out.println("caart " + args.get(0) + " failed: " + e);
            return 1;
        }
    }

    int run() {
        Process server = null;
        try {
            Settings settings = Settings.from(env, workingDir);
            Path serverJar = home().resolve("lib").resolve("caart-server.jar");
            if (!Files.isRegularFile(serverJar)) {
                throw new LaunchException(serverJar + " is missing; build it with: mvn -DskipTests install");
            }
            requireFreePort(settings.port());
            // held until this process ends: one server per data folder, and no backup of a folder in use
            dataLock = DataCopy.lock(settings.dataDir()).orElseThrow(() -> new LaunchException(
                    "another CAaRT server runs on the data folder " + settings.dataDir()));
            Path log = settings.dataDir().resolve("logs").resolve("server.log");
            out.printf("Starting CAaRT on port %d (data in %s, database %s)%n", settings.port(), settings.dataDir(),
                    describe(settings.effectiveDbUrl()));
            for (int attempt = 1; ; attempt++) {
                server = startServer(settings, serverJar);
                ServerOutput output = ServerOutput.start(server.getInputStream(), log, settings, out);
                try {
                    awaitReady(settings, server, output, log);
                    break;
                } catch (LaunchException e) {
                    if (!output.bootRace() || attempt == MAX_ATTEMPTS) {
                        throw e;
                    }
                    out.println("Payara Micro hit its start-up race deploying the JMS adapter; starting again");
                    stop(server);
                }
            }
            String base = settings.httpInterface().isPresent() && env.getOrDefault("CAART_PUBLIC_URL", "").isBlank()
                    ? "http://" + settings.readinessHost() + ":" + settings.port() : publicBase(env, settings.port());
            out.printf("CAaRT is ready: open %s/ (agent API: %s/api/agent/v1)%n", base, base);
            printSignInHint(settings);
            out.println("Server log: " + log + ". Press Ctrl+C to stop.");
            return server.waitFor();
        } catch (LaunchException e) {
            out.println("CAaRT did not start: " + e.getMessage());
            if (server != null) {
                stop(server);
            }
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (IOException e) {
            out.println("CAaRT did not start: " + e.getMessage());
            return 1;
        }
    }

    private Process startServer(Settings settings, Path serverJar) throws IOException {
        Path runtimeDir = DataFolder.prepare(settings.dataDir(), out);
        ProcessBuilder builder = new ProcessBuilder(ServerCommand.withOwnerOnlyFiles(
                ServerCommand.command(settings, serverJar, runtimeDir)))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(ServerCommand.environment(settings, env));
        Process child = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child)));
        return child;
    }

    private void awaitReady(Settings settings, Process server, ServerOutput output, Path log)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(uri("http://" + settings.readinessHost() + ":" + settings.port()
                + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(settings.startTimeout());
        Instant appDeadline = null;
        String lastAnswer = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (output.fatal().isPresent()) {
                throw new LaunchException(output.fatal().get() + " (full log: " + log + ")");
            }
            if (output.bootRace()) {
                throw new LaunchException("the JMS adapter failed to deploy; see " + log);
            }
            if (output.payaraReady() && appDeadline == null) {
                appDeadline = Instant.now().plus(APP_GRACE);
            }
            if (appDeadline != null && Instant.now().isAfter(appDeadline) && output.loggedSevere()) {
                throw new LaunchException(output.deploymentFailure() + " (full log: " + log + ")");
            }
            if (!server.isAlive()) {
                throw new LaunchException("the server process ended during start-up with exit code "
                        + server.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"database\"")) {
                    return;
                }
                lastAnswer = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new LaunchException("the server was not ready within " + settings.startTimeout().toSeconds()
                + " s (CAART_START_TIMEOUT); /health/ready answered: " + lastAnswer + "; see " + log);
    }

    /** Where people and agents reach the server: CAART_PUBLIC_URL when set, else this machine's port. */
    static String publicBase(Map<String, String> env, int port) {
        String url = env.getOrDefault("CAART_PUBLIC_URL", "").strip();
        if (url.isEmpty()) {
            return "http://localhost:" + port;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private void printSignInHint(Settings settings) {
        Path bootstrap = settings.dataDir().resolve("bootstrap-password");
        String operator = env.getOrDefault("CAART_ADMIN_EMAIL", "operator@caart.local");
        if (Files.isRegularFile(bootstrap)) {
            out.printf("Sign in as %s with the one-time password in %s (you will choose a new one).%n", operator,
                    bootstrap);
        } else {
            out.printf("Sign in as %s (or any account created since).%n", operator);
        }
    }

    private static void stop(Process server) {
        if (!server.isAlive()) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new LaunchException("port " + port + " is already in use; set CAART_HTTP_PORT to a free port");
        }
    }

    private static Path home() {
        try {
            Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String text) {
        return URI.create(text);
    }

    static String describe(String jdbcUrl) {
        String redacted = jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
        return redacted.startsWith("jdbc:h2:") ? "embedded H2 (" + redacted.substring(0, redacted.indexOf(';') < 0
                ? redacted.length() : redacted.indexOf(';')) + ")" : redacted;
    }
}
