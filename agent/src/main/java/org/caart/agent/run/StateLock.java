package org.caart.agent.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.caart.agent.config.PrivateFiles;

/** One {@code run} per state directory: its spool and identity belong to a single process ({@code run.lock}). */
public final class StateLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process holds it. */
    public static Optional<StateLock> acquire(Path stateDirectory) throws IOException {
        PrivateFiles.createDirectory(stateDirectory);
        FileChannel channel = FileChannel.open(stateDirectory.resolve("run.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new StateLock(channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // this JVM already holds it
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
