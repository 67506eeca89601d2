package org.caart.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The shipped Payara Micro distribution (distribution/target/caart), started through its own launcher as a child
 * process on a free port, exactly as the README's run command does. On PostgreSQL when CAART_TEST_DB_URL is set.
 */
public final class CaartServer implements AutoCloseable {

    /** How long a server may take to start; CAART_IT_READY_SECONDS raises it on a loaded machine (180 by default). */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("CAART_IT_READY_SECONDS", "180")));

    private final Map<String, String> env;
    private final Path dataDir;
    private final int port;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private Process launcher;

    private CaartServer(Map<String, String> env, Path dataDir, int port) {
        this.env = env;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** A server for tests: its own data folder and port, plus whatever extra variables the test needs. */
    public static CaartServer configure(String name, Map<String, String> extra) {
        Path data = workDir().resolve(name + "-" + System.nanoTime());
        int port = freePort();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(key -> key.startsWith("CAART_"));
        env.put("CAART_HTTP_PORT", String.valueOf(port));
        env.put("CAART_DATA_DIR", data.toString());
        env.put("CAART_HEAP", "384m");
        Optional.ofNullable(System.getenv("CAART_TEST_DB_URL")).filter(v -> !v.isBlank()).ifPresent(url -> {
            env.put("CAART_DB_URL", url);
            env.put("CAART_DB_USER", System.getenv().getOrDefault("CAART_TEST_DB_USER", "postgres"));
            env.put("CAART_DB_PASSWORD", System.getenv().getOrDefault("CAART_TEST_DB_PASSWORD", ""));
        });
        env.putAll(extra);
        return new CaartServer(env, data, port);
    }

    /**
     * Where a CAaRT deployment answers that this test did not launch itself (the load balancer in front of a
     * cluster): for the HTTP clients only; {@link #close()} does nothing on it.
     */
    public static CaartServer reachedAt(int port) {
        return new CaartServer(Map.of(), null, port);
    }

    public static boolean onPostgres() {
        return Optional.ofNullable(System.getenv("CAART_TEST_DB_URL")).filter(v -> !v.isBlank()).isPresent();
    }

    /** Starts the launcher and waits for its "ready" line; fails with the launcher's own words otherwise. */
    public CaartServer start() {
        CountDownLatch ready = launch();
        try {
            Instant deadline = Instant.now().plus(readyTimeout());
            while (!ready.await(200, TimeUnit.MILLISECONDS)) {
                if (!launcher.isAlive() || Instant.now().isAfter(deadline)) {
                    String said = String.join("\n", output);
                    close();
                    throw new IllegalStateException("CAaRT did not become ready on port " + port + ":\n" + said);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** READY_TIMEOUT, or the launcher's own CAART_START_TIMEOUT and half a minute when a test gives it longer. */
    private Duration readyTimeout() {
        Duration launcher = Duration.ofSeconds(Long.parseLong(env.getOrDefault("CAART_START_TIMEOUT", "0")) + 30);
        return launcher.compareTo(READY_TIMEOUT) > 0 ? launcher : READY_TIMEOUT;
    }

    /** Runs the launcher to its end (for configurations that must fail) and returns its exit code. */
    public int runToExit(Duration timeout) {
        launch();
        try {
            if (!launcher.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                close();
                throw new IllegalStateException("the launcher did not exit within " + timeout);
            }
            Thread.sleep(200);
            return launcher.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private CountDownLatch launch() {
        output.clear();
        Path distribution = Path.of(System.getProperty("caart.distribution", "../distribution/target/caart"));
        Path launcherJar = distribution.resolve("lib").resolve("caart-launcher.jar");
        if (!Files.isRegularFile(launcherJar)) {
            throw new IllegalStateException(launcherJar.toAbsolutePath() + " is missing: build the distribution first");
        }
        ProcessBuilder builder = new ProcessBuilder(javaBin(), "-jar", launcherJar.toAbsolutePath().toString())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            launcher = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> pump(ready), "caart-launcher-output-" + port);
        reader.setDaemon(true);
        reader.start();
        return ready;
    }

    private void pump(CountDownLatch ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
                if (line.startsWith("CAaRT is ready")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            output.add("(launcher output ended: " + e.getMessage() + ")");
        }
    }

    /** SIGKILL to the Payara Micro process itself, then to the launcher: nothing gets to shut down cleanly. */
    public void kill() {
        ProcessHandle handle = launcher.toHandle();
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        handle.descendants().forEach(child -> child.onExit().join());
        launcher.onExit().join();
    }

    /** SIGTERM to the launcher, which stops the server; forced after 60 s. */
    @Override
    public void close() {
        if (launcher == null) {
            return;
        }
        List<ProcessHandle> children = launcher.toHandle().descendants().toList();
        launcher.destroy();
        try {
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** The Payara Micro process the launcher started (its child running caart-server.jar). */
    public ProcessHandle serverProcess() {
        return launcher.toHandle().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("caart-server.jar")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no server process under the launcher"));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    public String env(String name) {
        return env.get(name);
    }

    /** Sets an environment variable for the next {@link #start()} (a restart with a changed setting). */
    public void putEnv(String name, String value) {
        env.put(name, value);
    }

    static Path workDir() {
        Path dir = Path.of(System.getProperty("caart.it.work", "target/it-work"));
        try {
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
