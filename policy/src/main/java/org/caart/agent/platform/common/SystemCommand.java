package org.caart.agent.platform.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one of the platform's own fixed commands (sshd -T, rpm -q, secedit) without a shell, with a
 * timeout and output capped at 1 MiB; stderr is merged into the output.
 */
public final class SystemCommand {

    /** What the command printed and how it ended. */
    public record Result(int exitCode, String output) {
        public List<String> lines() {
            return output.lines().toList();
        }
    }

    private static final int MAX_OUTPUT = 1 << 20;

    private SystemCommand() {
    }

    public static Result run(List<String> argv, Duration timeout) {
        return run(argv, Map.of(), timeout);
    }

    /** Runs with these environment variables set on top of the agent's own (e.g. LC_ALL=C for stable output). */
    public static Result run(List<String> argv, Map<String, String> environment, Duration timeout) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
            builder.environment().putAll(environment);
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new PlatformException("cannot start " + argv.get(0) + ": " + e.getMessage(), e);
        }
        FutureTask<String> output = new FutureTask<>(() -> read(process.getInputStream()));
        Thread reader = new Thread(output, "caart-command-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new PlatformException(String.join(" ", argv) + " timed out after " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), output.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PlatformException(argv.get(0) + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PlatformException("cannot read the output of " + argv.get(0), e);
        }
    }

    private static String read(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (out.size() < MAX_OUTPUT) {
                    out.write(buffer, 0, Math.min(n, MAX_OUTPUT - out.size()));
                }
            }
        } catch (IOException e) {
            // the process went away; keep what was read
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
