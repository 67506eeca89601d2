package org.caart.agent.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Starts one process, merges stderr into stdout, caps the output and kills the process tree on timeout. */
final class ProcessRunner {

    static final int MAX_OUTPUT = 1 << 20;
    private static final int NOT_FOUND_SH = 127;
    private static final int NOT_FOUND_CMD = 9009;
    private static final ScheduledExecutorService KILLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "caart-command-timeout");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration timeout;

    ProcessRunner(Duration timeout) {
        this.timeout = timeout;
    }

    CommandRun run(CommandLine command) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command.argv()).redirectErrorStream(true);
            builder.environment().put("LC_ALL", "C");
            process = builder.start();
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("error=2,") || message.contains("error=2)") || message.contains("cannot find the file")) {
                return CommandRun.notFound("command not found: " + command.program());
            }
            return CommandRun.failed("cannot start " + command.program() + ": " + message);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> killer = KILLER.schedule(() -> {
            timedOut.set(true);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            process.getOutputStream().close();
            Output output = read(process.getInputStream());
            int exit = process.waitFor();
            killer.cancel(false);
            if (timedOut.get()) {
                return CommandRun.timedOut(output.text, "timed out after " + timeout.toSeconds() + " s");
            }
            if (exit == NOT_FOUND_SH || (exit == NOT_FOUND_CMD && command.viaShell())) {
                return new CommandRun(false, true, exit, output.text, false, "command not found: " + command.program()
                        + " (exit code " + exit + ")");
            }
            return new CommandRun(true, false, exit, output.text, false,
                    output.truncated ? "output truncated at " + (MAX_OUTPUT >> 20) + " MiB" : null);
        } catch (IOException e) {
            killer.cancel(false);
            process.destroyForcibly();
            return CommandRun.failed("cannot read the output of " + command.program() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            killer.cancel(false);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return CommandRun.failed("interrupted while running " + command.program());
        }
    }

    private record Output(String text, boolean truncated) {
    }

    private static Output read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean truncated = false;
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                int room = MAX_OUTPUT - out.size();
                truncated |= n > room;
                out.write(buffer, 0, Math.min(n, room));
            }
        }
        return new Output(out.toString(StandardCharsets.UTF_8), truncated);
    }
}
