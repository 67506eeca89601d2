package org.caart.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Copies a data folder's lasting content (H2 database, broker store, transaction log, one-time password) from one
 * folder to another, folders 0700 and files 0600 whatever the umask; the runtime directories and logs stay behind.
 * Also the lock a running launcher holds on its data folder, so that nothing copies a folder in use.
 */
final class DataCopy {

    static final String LOCK = "launcher.lock";
    /** Made anew at every start, or only the server's own record: not part of a backup. */
    static final Set<String> SKIPPED = Set.of("runtime", "logs", LOCK);

    private DataCopy() {
    }

    /** Copies every entry of {@code from} except {@link #SKIPPED}; returns the files copied. */
    static int copy(Path from, Path to) throws IOException {
        DataFolder.createOwnerOnly(to);
        if (Files.getFileStore(to).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(to, DataFolder.OWNER_ONLY); // also an empty folder made beforehand
        }
        int files = 0;
        try (Stream<Path> entries = Files.list(from)) {
            for (Path top : entries.filter(p -> !SKIPPED.contains(p.getFileName().toString())).toList()) {
                files += copyTree(top, to.resolve(top.getFileName().toString()));
            }
        }
        return files;
    }

    private static int copyTree(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            DataFolder.createOwnerOnly(to);
            int files = 0;
            List<Path> children;
            try (Stream<Path> list = Files.list(from)) {
                children = list.toList();
            }
            for (Path child : children) {
                files += copyTree(child, to.resolve(child.getFileName().toString()));
            }
            return files;
        }
        // written into a file made 0600 first, so the copy is never readable by others, not even for a moment
        try (var in = Files.newInputStream(from);
                var out = Files.newOutputStream(DataFolder.createOwnerFile(to), StandardOpenOption.WRITE)) {
            in.transferTo(out);
        }
        return 1;
    }

    /**
     * The launcher's lock on the data folder, held while its server runs; empty when another launcher holds it.
     * The operating system lets go of it when the launcher ends, also on SIGKILL.
     */
    static java.util.Optional<FileLock> lock(Path dataDir) throws IOException {
        DataFolder.createOwnerOnly(dataDir);
        Path file = dataDir.resolve(LOCK);
        if (!Files.exists(file)) {
            DataFolder.createOwnerFile(file);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return java.util.Optional.ofNullable(lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            return java.util.Optional.empty();
        }
    }

    static boolean isEmptyOrMissing(Path folder) {
        if (!Files.exists(folder)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
