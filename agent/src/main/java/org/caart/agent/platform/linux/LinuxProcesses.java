package org.caart.agent.platform.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.ProcessInfo;

/** Lists processes from /proc: the name from {@code comm}, the command line from {@code cmdline}. */
final class LinuxProcesses {

    private LinuxProcesses() {
    }

    static List<ProcessInfo> list(Path proc) {
        List<ProcessInfo> processes = new ArrayList<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(dir -> read(dir, processes));
        } catch (IOException e) {
            throw new PlatformException("cannot list processes in " + proc + ": " + e, e);
        }
        return processes;
    }

    private static void read(Path dir, List<ProcessInfo> processes) {
        try {
            String name = Files.readString(dir.resolve("comm"), StandardCharsets.UTF_8).strip();
            byte[] cmdline = Files.readAllBytes(dir.resolve("cmdline"));
            String commandLine = new String(cmdline, StandardCharsets.UTF_8).replace('\0', ' ').strip();
            processes.add(new ProcessInfo(Long.parseLong(dir.getFileName().toString()), name, commandLine));
        } catch (IOException e) {
            // the process ended while we listed it
        }
    }
}
