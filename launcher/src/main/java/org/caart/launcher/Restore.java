package org.caart.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code caart restore DIR}: puts a backup made by {@code caart backup} into the data folder (CAART_DATA_DIR), which
 * must not hold a database or broker store yet, so that a restore never mixes two servers' data. The server then
 * starts on it as usual.
 */
final class Restore {

    private Restore() {
    }

    static int run(Map<String, String> env, Path workingDir, List<String> args, PrintStream out) throws IOException {
        if (args.size() != 1) {
            throw new LaunchException("usage: caart restore DIR (a folder made by caart backup)");
        }
        Path data = Settings.from(env, workingDir).dataDir();
        Path source = workingDir.resolve(args.get(0)).toAbsolutePath().normalize();
        Path marker = source.resolve(Backup.MARKER);
        if (!Files.isRegularFile(marker)) {
            throw new LaunchException(source + " is not a CAaRT backup (no " + Backup.MARKER + ")");
        }
        if (!Files.readAllLines(marker).contains("format=" + Backup.FORMAT)) {
            throw new LaunchException(source + " is a backup of another format than this version reads ("
                    + Backup.FORMAT + ")");
        }
        for (String kept : List.of("db", "broker", "tx")) {
            if (!DataCopy.isEmptyOrMissing(data.resolve(kept))) {
                throw new LaunchException("the data folder " + data + " already holds data (" + kept + "/); restore "
                        + "into a new folder (CAART_DATA_DIR) and start the server there");
            }
        }
        Optional<FileLock> lock = DataCopy.lock(data);
        if (lock.isEmpty()) {
            throw new LaunchException("CAaRT is running on " + data + "; stop it first");
        }
        try (var channel = lock.get().channel()) { // closing it lets go of the lock
            int files = DataCopy.copy(source, data);
            Files.deleteIfExists(data.resolve(Backup.MARKER));
            out.printf("Restored %s into %s (%d files); start the server with CAART_DATA_DIR=%s%n", source, data,
                    files - 1, data);
            return 0;
        }
    }
}
