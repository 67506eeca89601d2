package org.caart.agent.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;

import org.caart.agent.platform.common.LastPatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxPatchesTest {

    @TempDir
    Path root;

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void gzip(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String aptRun(String date, String change) {
        return "Start-Date: " + date + "  06:00:00\nCommandline: apt-get\n" + change + "\nEnd-Date: " + date + "  06:00:09\n\n";
    }

    @Test
    void aptHistoryLooksIntoRotatedAndCompressedLogsNewestFirst() throws IOException {
        write("var/log/apt/history.log", aptRun("2025-11-20", "Remove: telnet:amd64 (1)"));
        gzip("var/log/apt/history.log.1.gz", aptRun("2025-11-02", "Upgrade: bash:amd64 (1, 2)"));
        gzip("var/log/apt/history.log.10.gz", aptRun("2024-01-01", "Upgrade: bash:amd64 (0, 1)"));
        gzip("var/log/apt/history.log.2.gz", aptRun("2025-10-01", "Upgrade: bash:amd64 (0, 1)"));
        write("var/log/dpkg.log", "2025-11-21 07:00:00 status installed x:amd64 1\n");
        assertEquals(new LastPatch(LocalDate.of(2025, 11, 2), "apt history"), new LinuxPlatform(root).lastPatch().orElseThrow());
    }

    @Test
    void dpkgLogIsTheFallbackWithoutAptHistory() throws IOException {
        write("var/log/dpkg.log", "2025-11-21 07:00:00 status installed x:amd64 1\n");
        write("var/log/dpkg.log.1", "2025-10-21 07:00:00 upgrade x:amd64 0 1\n");
        assertEquals(new LastPatch(LocalDate.of(2025, 11, 21), "dpkg.log"), new LinuxPlatform(root).lastPatch().orElseThrow());
    }

    @Test
    void noPackageLogsMeansUnknown() throws IOException {
        write("etc/os-release", "ID=fixture\n");
        assertTrue(new LinuxPlatform(root).lastPatch().isEmpty());
    }

    @Test
    void rotationsAreOrderedByTheirNumber() throws IOException {
        for (String name : new String[] {"dpkg.log.10.gz", "dpkg.log", "dpkg.log.2.gz", "dpkg.log.1", "dpkg.log.old", "x"}) {
            write("var/log/" + name, "");
        }
        assertEquals(java.util.List.of("dpkg.log", "dpkg.log.1", "dpkg.log.2.gz", "dpkg.log.10.gz"),
                LinuxPatches.rotations(root.resolve("var/log"), "dpkg.log").stream()
                        .map(p -> p.getFileName().toString()).toList());
    }
}
