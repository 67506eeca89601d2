package org.caart.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real agent from the distribution (agent/caart-agent.jar), run as its own process with its own state folder. */
final class AgentProcess implements AutoCloseable {

    private final Path stateDir;
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final List<String> jvmOptions = new ArrayList<>();
    private Process running;
    private Thread reader;

    AgentProcess(String name) {
        try {
            this.stateDir = Files.createDirectories(CaartServer.workDir().resolve("agent-" + name + "-"
                    + System.nanoTime()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the agent's configuration ({@code agent.properties}, {@code policies/}) in this process's own folder
     * instead of the user's (for root: {@code /etc/caart}), for every command started from now on.
     */
    Path ownConfig() {
        Path config = stateDir.resolve("config");
        jvmOptions.add("-Dcaart.config.dir=" + config);
        return config;
    }

    /** Sets an environment variable for every command started from now on. */
    AgentProcess environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("caart.distribution", "../distribution/target/caart"))
                .resolve("agent").resolve("caart-agent.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build the distribution first");
        }
        return jar;
    }

    /** Runs a command to its end; returns the exit code (the output is kept). */
    int run(int timeoutSeconds, String... args) {
        start(args);
        try {
            if (!running.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                running.destroyForcibly();
                throw new IllegalStateException("caart-agent " + String.join(" ", args) + " did not end within "
                        + timeoutSeconds + " s:\n" + output());
            }
            reader.join(5000);
            return running.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a long-running command ({@code run}) in the background. */
    void start(String... args) {
        output.clear();
        List<String> command = new ArrayList<>(List.of(CaartServer.javaBin(), "-Xmx128m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        command.add("--state-dir");
        command.add(stateDir.toString());
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            running = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader = new Thread(this::pump, "caart-agent-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(running.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("(agent output ended: " + e.getMessage() + ")");
        }
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Kills the running command at once (SIGKILL): no last batch, nothing flushed. */
    void kill() {
        running.destroyForcibly();
        try {
            if (!running.waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("caart-agent did not die within 20 s");
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Path stateDir() {
        return stateDir;
    }

    @Override
    public void close() {
        if (running != null && running.isAlive()) {
            running.destroy();
            try {
                if (!running.waitFor(20, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
