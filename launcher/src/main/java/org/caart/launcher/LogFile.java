package org.caart.launcher;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * The server log, {@code logs/server.log}: every start appends to it; once it would grow past its size limit it is
 * renamed {@code server.log.<date>T<time>} and a new one begins. Renamed files older than the days kept are deleted
 * at each start and each rotation.
 */
final class LogFile implements Closeable {

    static final String NAME = "server.log";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss");

    private final Path log;
    private final long maxBytes;
    private final Duration keep;
    private final Clock clock;
    private BufferedWriter writer;
    private long size;

    LogFile(Path log, long maxBytes, Duration keep, Clock clock) throws IOException {
        this.log = log;
        this.maxBytes = maxBytes;
        this.keep = keep;
        this.clock = clock;
        prune();
        open();
    }

    static LogFile open(Path log, Settings settings) throws IOException {
        return new LogFile(log, settings.logMaxBytes(), Duration.ofDays(settings.logKeepDays()), Clock.systemUTC());
    }

    void writeLine(String line) throws IOException {
        long bytes = line.getBytes(StandardCharsets.UTF_8).length + 1L;
        if (size > 0 && size + bytes > maxBytes) {
            rotate();
        }
        writer.write(line);
        writer.newLine();
        writer.flush();
        size += bytes;
    }

    private void open() throws IOException {
        if (!Files.exists(log)) {
            DataFolder.createOwnerFile(log);
        }
        writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        size = Files.size(log);
    }

    private void rotate() throws IOException {
        writer.close();
        String stamp = STAMP.format(LocalDateTime.now(clock));
        Path target = log.resolveSibling(NAME + "." + stamp);
        for (int n = 1; Files.exists(target); n++) {
            target = log.resolveSibling(NAME + "." + stamp + "-" + n);
        }
        Files.move(log, target);
        prune();
        open();
    }

    /** Deletes rotated logs (server.log.*) last written before the days kept. */
    void prune() throws IOException {
        Path folder = log.getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        FileTime before = FileTime.from(clock.instant().minus(keep));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(NAME + ".")).toList()) {
                if (Files.getLastModifiedTime(file).compareTo(before) < 0) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
