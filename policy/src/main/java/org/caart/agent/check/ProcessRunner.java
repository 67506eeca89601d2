package org.caart.agent.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Starts one process, merges stderr into stdout and caps the output. Like Wazuh, it waits until the command has
 * ended and every process holding its output has closed it ({@code sh -c "a & b"}: the output of the background
 * {@code a} counts), within the timeout. At the timeout every process of the command is killed ({@link
 * ProcessSession}: on Linux found by a marker in their environment, read from /proc only then), so a background
 * child that keeps the output open ends at the timeout instead of hanging the scan.
 */
final class ProcessRunner {

    static final int MAX_OUTPUT = 1 << 20;
    private static final int NOT_FOUND_SH = 127;
    private static final int NOT_FOUND_CMD = 9009;
    /** How long the output may take to close after the processes were killed before the reader is abandoned. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(2);

    private final Duration timeout;
    private final ProcessSession sessions = new ProcessSession(Path.of("/proc"));

    ProcessRunner(Duration timeout) {
        this.timeout = timeout;
    }

    CommandRun run(CommandLine command) {
        String marker = ProcessSession.available() ? ProcessSession.newMarker() : null;
        ProcessBuilder builder = new ProcessBuilder(command.argv()).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        if (marker != null) {
            builder.environment().put(ProcessSession.VARIABLE, marker);
        }
        Output output = new Output();
        CompletableFuture<Process> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> output.startAndRead(builder, started), "caart-command-output");
        reader.setDaemon(true);
        reader.start();
        Process process;
        try {
            process = started.get();
        } catch (ExecutionException e) {
            String message = String.valueOf(e.getCause().getMessage());
            if (message.contains("error=2,") || message.contains("error=2)")
                    || message.contains("cannot find the file")) {
                return CommandRun.notFound("command not found: " + command.program());
            }
            return CommandRun.failed("cannot start " + command.program() + ": " + message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandRun.failed("interrupted while starting " + command.program());
        }
        try {
            process.getOutputStream().close();
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    && output.awaitEnd(deadline - System.nanoTime());
            if (!ended) {
                kill(process, marker);
                output.awaitEnd(AFTER_KILL.toNanos());
                return CommandRun.timedOut(output.text(), "timed out after " + timeout.toSeconds() + " s");
            }
            return finished(command, process.exitValue(), output);
        } catch (IOException e) {
            ProcessSession.killTree(process);
            return CommandRun.failed("cannot run " + command.program() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            ProcessSession.killTree(process);
            Thread.currentThread().interrupt();
            return CommandRun.failed("interrupted while running " + command.program());
        }
    }

    private void kill(Process process, String marker) throws IOException {
        if (marker != null) {
            sessions.kill(process, marker);
        } else {
            ProcessSession.killTree(process);
        }
    }

    private static CommandRun finished(CommandLine command, int exit, Output output) {
        if (output.error != null) {
            return CommandRun.failed("cannot read the output of " + command.program() + ": " + output.error);
        }
        if (exit == NOT_FOUND_SH || (exit == NOT_FOUND_CMD && command.viaShell())) {
            return new CommandRun(false, true, exit, output.text(), false, "command not found: " + command.program()
                    + " (exit code " + exit + ")");
        }
        return new CommandRun(true, false, exit, output.text(), false,
                output.truncated ? "output truncated at " + (MAX_OUTPUT >> 20) + " MiB" : null);
    }

    /** The output read so far by the reader thread, capped at {@link #MAX_OUTPUT}. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CountDownLatch end = new CountDownLatch(1);
        private volatile boolean truncated;
        private volatile String error;

        /**
         * Starts the process and reads its output to the end. The stream's lock is taken at once and held
         * throughout: when the process exits, the JDK drains what the pipe holds and closes it unless it can take
         * that lock, which would cut off the output of children still running; holding it from the moment the
         * process started, the reader sees everything until the last writer closes. (A process that exits while
         * the JDK is still starting it, within about a millisecond, is drained at once: the output its background
         * children write later is lost, as it always was.)
         */
        void startAndRead(ProcessBuilder builder, CompletableFuture<Process> started) {
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                end.countDown();
                started.completeExceptionally(e);
                return;
            }
            InputStream in = process.getInputStream();
            synchronized (in) {
                started.complete(process);
                readFrom(in);
            }
        }

        private void readFrom(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                synchronized (in) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        synchronized (bytes) {
                            int room = MAX_OUTPUT - bytes.size();
                            truncated |= n > room;
                            bytes.write(buffer, 0, Math.min(n, room));
                        }
                    }
                }
            } catch (IOException e) {
                error = e.getMessage();
            } finally {
                end.countDown();
            }
        }

        boolean awaitEnd(long nanos) throws InterruptedException {
            return end.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
