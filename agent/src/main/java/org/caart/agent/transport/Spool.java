package org.caart.agent.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caart.agent.config.PrivateFiles;
import org.caart.contract.agent.v1.ResultBatchView;

/**
 * Result batches the server could not take yet, one JSON file each in {@code <state>/spool/}, named by a rising
 * number (oldest first) and the run id. Bounded by count: when full, the oldest batch is dropped and counted; the
 * count is kept in {@code dropped} so a restart does not lose it, and goes to the server with the next heartbeat.
 * Files are written atomically and owner-only. One agent process owns a spool.
 */
public final class Spool {

    private static final System.Logger LOG = System.getLogger(Spool.class.getName());
    private static final Pattern NAME = Pattern.compile("(\\d{19})-([A-Za-z0-9._-]{0,100})\\.json");
    private static final String DROPPED = "dropped";

    private final Path folder;
    private final int capacity;
    private final TreeSet<String> files = new TreeSet<>();
    private long next;
    private long dropped;

    /** One batch in the spool. */
    public record Entry(Path file, ResultBatchView batch) {
    }

    public Spool(Path folder, int capacity) throws IOException {
        if (capacity < 1) {
            throw new IllegalArgumentException("a spool holds at least one batch");
        }
        this.folder = folder;
        this.capacity = capacity;
        PrivateFiles.createDirectory(folder);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : stream) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    files.add(name.group());
                    next = Math.max(next, Long.parseLong(name.group(1)) + 1);
                }
            }
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
        dropped = readDropped();
    }

    /** Keeps a batch for later; when the spool is full the oldest batch makes room and is counted as dropped. */
    public synchronized void add(ResultBatchView batch) {
        while (files.size() >= capacity) {
            String oldest = files.first();
            delete(oldest);
            countDropped(1);
            LOG.log(System.Logger.Level.WARNING, "spool full (" + capacity + " batches): dropped " + oldest);
        }
        String name = String.format("%019d-%s.json", next++, safe(batch.runId()));
        try {
            PrivateFiles.write(folder.resolve(name), Json.write(batch));
            files.add(name);
        } catch (IOException e) {
            countDropped(1);
            LOG.log(System.Logger.Level.ERROR, "cannot spool batch " + batch.batchId() + " of run " + batch.runId()
                    + "; it is lost and counted as dropped", e);
        }
    }

    /** The oldest batch; a file that cannot be read any more is dropped and counted, and the next one tried. */
    public synchronized Optional<Entry> oldest() {
        while (!files.isEmpty()) {
            String name = files.first();
            Path file = folder.resolve(name);
            try {
                return Optional.of(new Entry(file, Json.read(Files.readAllBytes(file), ResultBatchView.class)));
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "dropping unreadable spooled batch " + file + ": " + e);
                delete(name);
                countDropped(1);
            }
        }
        return Optional.empty();
    }

    /** The server took this batch, or refused it for good. */
    public synchronized void remove(Entry entry) {
        delete(entry.file().getFileName().toString());
    }

    public synchronized int size() {
        return files.size();
    }

    public synchronized boolean isEmpty() {
        return files.isEmpty();
    }

    /** Batches dropped since the server last acknowledged a count. */
    public synchronized long dropped() {
        return dropped;
    }

    /**
     * A heartbeat carrying {@code reported} dropped batches was acknowledged: those are forgotten; batches dropped
     * while the heartbeat was under way stay counted for the next one.
     */
    public synchronized void resetDropped(long reported) {
        dropped = Math.max(0, dropped - reported);
        writeDropped();
    }

    /** Run ids of the spooled batches (as far as they are safe in a file name), oldest first. */
    public synchronized Set<String> runIds() {
        Set<String> runIds = new LinkedHashSet<>();
        for (String name : files) {
            Matcher matcher = NAME.matcher(name);
            if (matcher.matches() && !matcher.group(2).isEmpty()) {
                runIds.add(matcher.group(2));
            }
        }
        return runIds;
    }

    private void countDropped(long count) {
        dropped += count;
        writeDropped();
    }

    private void delete(String name) {
        files.remove(name);
        try {
            Files.deleteIfExists(folder.resolve(name));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete spooled batch " + name, e);
        }
    }

    private long readDropped() throws IOException {
        try {
            return Long.parseLong(Files.readString(folder.resolve(DROPPED), StandardCharsets.US_ASCII).strip());
        } catch (NoSuchFileException e) {
            return 0;
        } catch (NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring the unreadable dropped count in " + folder.resolve(DROPPED));
            return 0;
        }
    }

    private void writeDropped() {
        try {
            PrivateFiles.write(folder.resolve(DROPPED), Long.toString(dropped).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save the dropped batch count (" + dropped + ")", e);
        }
    }

    /** A run id as part of a file name; ids with other characters are left out (the batch inside still has it). */
    private static String safe(String runId) {
        return runId != null && runId.matches("[A-Za-z0-9._-]{1,100}") ? runId : "";
    }
}
