package org.caart.agent.check;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Commands of a policy run in a session of their own on Linux ({@code setsid PROGRAM ...}: the program becomes the
 * leader of a new session and process group, with its own pid as their id). At a timeout every process of that
 * session is killed, found through {@code /proc/PID/stat}: also the children a shell left running in the background
 * after it exited, which {@link ProcessHandle#descendants()} no longer finds once they are re-parented.
 */
final class ProcessSession {

    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .map(Path::of).filter(Files::isExecutable).findFirst();

    private final Path proc;

    ProcessSession(Path proc) {
        this.proc = proc;
    }

    /** Whether commands can get a session of their own on this host (not on Windows, nor without util-linux). */
    static boolean available() {
        return SETSID.isPresent();
    }

    static List<String> wrap(List<String> argv) {
        List<String> wrapped = new ArrayList<>(argv.size() + 1);
        wrapped.add(SETSID.orElseThrow().toString());
        wrapped.addAll(argv);
        return wrapped;
    }

    /** Kills every process of the session led by {@code leader} (its pid), then the leader and its descendants. */
    void killSession(Process leader) throws IOException {
        for (long pid : members(leader.pid())) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        killTree(leader);
    }

    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The pids whose session id is {@code sessionId}. */
    List<Long> members(long sessionId) throws IOException {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path entry : entries) {
                OptionalLong session = readSession(entry.resolve("stat"));
                if (session.isPresent() && session.getAsLong() == sessionId) {
                    members.add(Long.parseLong(entry.getFileName().toString()));
                }
            }
        }
        return members;
    }

    private static OptionalLong readSession(Path stat) {
        try {
            return sessionOf(Files.readString(stat));
        } catch (IOException e) {
            return OptionalLong.empty(); // the process ended while the table was read
        }
    }

    /** The session id (6th field) of a {@code /proc/PID/stat} line; the command name may hold spaces and ')'. */
    static OptionalLong sessionOf(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return OptionalLong.empty();
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        if (fields.length < 4) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(fields[3]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
