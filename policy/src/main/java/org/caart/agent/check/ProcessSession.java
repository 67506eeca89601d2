package org.caart.agent.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The processes of one policy command on Linux. The command runs with the environment variable
 * {@value #VARIABLE}{@code =MARKER}, which every process it starts inherits; at the timeout every process whose
 * {@code /proc/PID/environ} carries that marker is killed: also the children a shell left running in the background
 * after it exited, which {@link ProcessHandle#descendants()} no longer finds once they are re-parented. Nothing is
 * started or read per command until a timeout, so ordinary commands cost nothing extra. A process that clears its
 * environment (a daemon) escapes, as it would escape a process group.
 */
final class ProcessSession {

    static final String VARIABLE = "CAART_COMMAND";
    private static final AtomicLong IDS = new AtomicLong();

    private final Path proc;

    ProcessSession(Path proc) {
        this.proc = proc;
    }

    /** Whether the processes of a command can be found again (a Linux /proc); elsewhere only its tree is killed. */
    static boolean available() {
        return Files.isDirectory(Path.of("/proc/self"));
    }

    /** A marker unique to one command run of this agent process. */
    static String newMarker() {
        return ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
    }

    /** Kills every process carrying the marker, then the command's own process and its descendants. */
    void kill(Process command, String marker) throws IOException {
        for (long pid : members(marker)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        killTree(command);
    }

    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The pids whose environment holds {@code VARIABLE=marker}. */
    List<Long> members(String marker) throws IOException {
        byte[] entry = (VARIABLE + "=" + marker).getBytes(StandardCharsets.UTF_8);
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path process : entries) {
                if (carries(process.resolve("environ"), entry)) {
                    members.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        }
        return members;
    }

    /** Whether the NUL-separated environment holds exactly this entry; false when it cannot be read. */
    static boolean carries(Path environ, byte[] entry) {
        byte[] environment;
        try {
            environment = Files.readAllBytes(environ);
        } catch (IOException e) {
            return false; // the process ended while the table was read, or belongs to someone we may not inspect
        }
        int start = 0;
        for (int i = 0; i <= environment.length; i++) {
            if (i == environment.length || environment[i] == 0) {
                if (i - start == entry.length
                        && java.util.Arrays.equals(environment, start, i, entry, 0, entry.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
