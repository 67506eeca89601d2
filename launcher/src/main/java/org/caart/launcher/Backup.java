package org.caart.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code caart backup DIR}: a consistent copy of a stopped server's data folder (H2 database, embedded broker store,
 * transaction log) into a new folder, 0700 with files 0600. Refused while a server runs on the folder: neither the
 * H2 files nor the broker's KahaDB journal can be copied consistently under a running server. On PostgreSQL the
 * database itself is backed up with pg_dump (docs/operations.md); the copy then holds only the broker store.
 */
final class Backup {

    static final String MARKER = "caart-backup.properties";
    static final int FORMAT = 1;

    private Backup() {
    }

    static int run(Map<String, String> env, Path workingDir, List<String> args, PrintStream out) throws IOException {
        if (args.size() != 1) {
            throw new LaunchException("usage: caart backup DIR (a new or empty folder)");
        }
        Settings settings = Settings.from(env, workingDir);
        Path data = settings.dataDir();
        Path target = workingDir.resolve(args.get(0)).toAbsolutePath().normalize();
        if (!Files.isDirectory(data.resolve("db")) && !Files.isDirectory(data.resolve("broker"))) {
            throw new LaunchException("there is no CAaRT data in " + data + " (CAART_DATA_DIR)");
        }
        if (!DataCopy.isEmptyOrMissing(target)) {
            throw new LaunchException(target + " is not empty; back up into a new or empty folder");
        }
        if (target.startsWith(data)) {
            throw new LaunchException("the backup folder cannot be inside the data folder " + data);
        }
        Optional<FileLock> lock = DataCopy.lock(data);
        if (lock.isEmpty()) {
            throw new LaunchException("CAaRT is running on " + data + "; stop it first (a backup is a consistent "
                    + "copy of a stopped server's data folder)");
        }
        try (var channel = lock.get().channel()) { // closing it lets go of the lock
            int files = DataCopy.copy(data, target);
            Files.write(DataFolder.createOwnerFile(target.resolve(MARKER)), List.of(
                    "format=" + FORMAT,
                    "created=" + Instant.now(),
                    "source=" + data,
                    "database=" + (settings.dbUrl().isPresent() ? "external (back it up with pg_dump)" : "embedded H2"),
                    "files=" + files));
            out.printf("Backed up %s to %s (%d files)%n", data, target, files);
            if (settings.dbUrl().isPresent()) {
                out.println("The database is " + Launcher.describe(settings.dbUrl().get())
                        + ": back it up with pg_dump (docs/operations.md); this copy holds the data folder only.");
            }
            return 0;
        }
    }
}
