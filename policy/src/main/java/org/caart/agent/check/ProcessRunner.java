package org.caart.agent.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one process, merges stderr into stdout and caps the output. On Linux the command runs in a session of its
 * own. At the timeout, or when the command has ended but a background child still holds its output open after
 * {@link #AFTER_EXIT}, every process of that session is killed, so such a child cannot hang the scan. (The session's
 * processes are found by reading /proc, which is why that is done only when needed.)
 */
final class ProcessRunner {

    static final int MAX_OUTPUT = 1 << 20;
    private static final int NOT_FOUND_SH = 127;
    private static final int NOT_FOUND_CMD = 9009;
    /** How long the output may stay open after the command ended before the rest of its session is killed. */
    private static final Duration AFTER_EXIT = Duration.ofMillis(200);
    /** How long the output may take to close after the processes were killed before the reader is abandoned. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(2);

    private final Duration timeout;
    private final ProcessSession sessions = new ProcessSession(Path.of("/proc"));

    ProcessRunner(Duration timeout) {
        this.timeout = timeout;
    }

    CommandRun run(CommandLine command) {
        boolean ownSession = ProcessSession.available();
        Process process;
        try {
            List<String> argv = ownSession ? ProcessSession.wrap(command.argv()) : command.argv();
            ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
            builder.environment().put("LC_ALL", "C");
            process = builder.start();
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("error=2,") || message.contains("error=2)") || message.contains("cannot find the file")) {
                return CommandRun.notFound("command not found: " + command.program());
            }
            return CommandRun.failed("cannot start " + command.program() + ": " + message);
        }
        Output output = new Output();
        Thread reader = new Thread(() -> output.readFrom(process.getInputStream()), "caart-command-output");
        reader.setDaemon(true);
        reader.start();
        try {
            process.getOutputStream().close();
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            boolean closed = exited && output.awaitEnd(AFTER_EXIT.toNanos());
            if (!closed) {
                kill(process, ownSession);
                closed = output.awaitEnd(AFTER_KILL.toNanos());
            }
            if (!exited) {
                return CommandRun.timedOut(output.text(), "timed out after " + timeout.toSeconds() + " s");
            }
            return finished(command, process.exitValue(), output, closed);
        } catch (IOException e) {
            ProcessSession.killTree(process);
            return CommandRun.failed("cannot run " + command.program() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            ProcessSession.killTree(process);
            Thread.currentThread().interrupt();
            return CommandRun.failed("interrupted while running " + command.program());
        }
    }

    private void kill(Process process, boolean ownSession) throws IOException {
        if (ownSession) {
            sessions.killSession(process);
        } else {
            ProcessSession.killTree(process);
        }
    }

    private static CommandRun finished(CommandLine command, int exit, Output output, boolean closed) {
        if (!closed) {
            return CommandRun.failed(command.program() + " ended but a process outside its session kept its output open");
        }
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

        void readFrom(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (bytes) {
                        int room = MAX_OUTPUT - bytes.size();
                        truncated |= n > room;
                        bytes.write(buffer, 0, Math.min(n, room));
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
