package org.caart.agent.remediation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.caart.agent.config.PrivateFiles;

/**
 * The host's remediation journal: {@value #FILE} in the agent's state folder, mode 0600, one JSON object per line
 * ({@link JournalEntry}), only ever appended. Every append is forced to disk before it returns, so a before value is
 * on disk before its change starts. A line cut short by a crash while it was written is skipped when reading.
 */
public final class Journal {

    public static final String FILE = "remediation-journal.jsonl";
    private static final System.Logger LOG = System.getLogger(Journal.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public Journal(Path stateDirectory) {
        this.file = stateDirectory.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /**
     * Holds {@code remediation.lock} in the state folder until closed: one order at a time per host, whether it
     * comes from {@code caart-agent run} or from the command line (the later one waits).
     */
    public Lock exclusive() {
        try {
            PrivateFiles.createDirectory(file.getParent());
            FileChannel channel = FileChannel.open(file.getParent().resolve("remediation.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            return () -> {
                try (channel) {
                    lock.release();
                } catch (IOException e) {
                    throw new RemediationException("cannot release the remediation lock: " + e.getMessage(), e);
                }
            };
        } catch (IOException e) {
            throw new RemediationException("cannot lock the remediation journal: " + e.getMessage(), e);
        }
    }

    /** The held {@code remediation.lock}; closing releases it. */
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    synchronized void append(JournalEntry entry) {
        try {
            PrivateFiles.createDirectory(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new RemediationException("cannot write the remediation journal " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized List<JournalEntry> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new RemediationException("cannot read the remediation journal " + file + ": " + e.getMessage(), e);
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                entries.add(JSON.readValue(lines.get(i), JournalEntry.class));
            } catch (JsonProcessingException e) {
                if (i < lines.size() - 1) {
                    throw new RemediationException(file + " line " + (i + 1) + " is not a journal entry: "
                            + e.getOriginalMessage(), e);
                }
                LOG.log(System.Logger.Level.WARNING, file + ": the last line was cut short (the agent stopped while"
                        + " writing it); it is ignored");
            }
        }
        return entries;
    }

    JournalHistory history() {
        return JournalHistory.replay(read());
    }
}
