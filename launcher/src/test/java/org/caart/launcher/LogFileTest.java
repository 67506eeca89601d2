package org.caart.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path logs;

    @Test
    void aStartAppendsToTheLogOfTheStartsBefore() throws IOException {
        Path log = logs.resolve("server.log");
        try (LogFile file = new LogFile(log, 1024 * 1024, Duration.ofDays(14), clock(NOW))) {
            file.writeLine("first start");
        }
        try (LogFile file = new LogFile(log, 1024 * 1024, Duration.ofDays(14), clock(NOW))) {
            file.writeLine("second start");
        }
        assertEquals(List.of("first start", "second start"), Files.readAllLines(log));
        assertEquals(List.of("server.log"), names());
    }

    @Test
    void theLogIsRenamedOnceItWouldGrowPastItsSize() throws IOException {
        Path log = logs.resolve("server.log");
        String line = "x".repeat(99); // 100 bytes with its newline
        try (LogFile file = new LogFile(log, 250, Duration.ofDays(14), clock(NOW))) {
            for (int i = 0; i < 5; i++) {
                file.writeLine(line);
            }
        }
        assertEquals(List.of("server.log", "server.log.2026-12-05T10-00-00", "server.log.2026-12-05T10-00-00-1"),
                names());
        assertEquals(1, Files.readAllLines(log).size());
        assertEquals(2, Files.readAllLines(logs.resolve("server.log.2026-12-05T10-00-00")).size());
        assertTrue(Files.size(logs.resolve("server.log.2026-12-05T10-00-00-1")) <= 250);
    }

    @Test
    void renamedLogsOlderThanTheDaysKeptAreDeletedAtStart() throws IOException {
        Path old = Files.writeString(logs.resolve("server.log.2026-11-01T08-00-00"), "old\n");
        Files.setLastModifiedTime(old, FileTime.from(NOW.minus(Duration.ofDays(15))));
        Path recent = Files.writeString(logs.resolve("server.log.2026-12-01T08-00-00"), "recent\n");
        Files.setLastModifiedTime(recent, FileTime.from(NOW.minus(Duration.ofDays(4))));
        Path other = Files.writeString(logs.resolve("notes.txt"), "not a log\n");
        Files.setLastModifiedTime(other, FileTime.from(NOW.minus(Duration.ofDays(400))));

        new LogFile(logs.resolve("server.log"), 1024 * 1024, Duration.ofDays(14), clock(NOW)).close();

        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent));
        assertTrue(Files.exists(other), "only rotated server logs are removed");
    }

    @Test
    void sizesAreReadLikeTheHeapsAndTooSmallOnesAreRefused() {
        assertEquals(20L * 1024 * 1024, Settings.size("20m"));
        assertEquals(512L * 1024, Settings.size("512K"));
        assertEquals(20_000, Settings.size("20000"));
        LaunchException tiny = assertThrows(LaunchException.class, () -> Settings.size("1k"));
        assertTrue(tiny.getMessage().contains("CAART_LOG_MAX_SIZE"), tiny.getMessage());
        assertThrows(LaunchException.class, () -> Settings.size("lots"));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static Clock clock(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }
}
