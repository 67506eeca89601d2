package org.caart.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data folder holds password hashes, results, mail not yet sent, the broker store, logs and the one-time
 * operator password: it and everything the launcher makes in it are for the owner only (folders 0700, files 0600),
 * and the server runs with umask 077 ({@link ServerCommand}) so its own files are too. A folder that already exists
 * with wider permissions is left as it is, with a warning at every start.
 */
final class DataFolder {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DataFolder() {
    }

    /** Data folders, and a new runtime directory per start; runtime directories of earlier starts are removed. */
    static Path prepare(Path data, PrintStream out) throws IOException {
        warnIfOpen(data, out);
        Path runtimes = data.resolve("runtime");
        for (Path folder : new Path[] {data, runtimes, data.resolve("logs"), data.resolve("broker")}) {
            createOwnerOnly(folder);
        }
        try (Stream<Path> old = Files.list(runtimes)) {
            old.forEach(DataFolder::deleteTree);
        }
        return runtimes.resolve("run-" + System.currentTimeMillis());
    }

    static void warnIfOpen(Path data, PrintStream out) throws IOException {
        if (!POSIX || !Files.isDirectory(data)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(data);
        if (!OWNER_ONLY.containsAll(permissions)) {
            out.printf("Warning: the data folder %s is open to other users (%s); it holds password hashes, results "
                    + "and secrets: chmod 700 %s%n", data, PosixFilePermissions.toString(permissions), data);
        }
    }

    static void createOwnerOnly(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.setPosixFilePermissions(folder, OWNER_ONLY); // whatever the umask
        } else {
            Files.createDirectories(folder);
        }
    }

    /** A new, empty file only its owner can read and write. */
    static Path createOwnerFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } else {
            Files.createFile(file);
        }
        return file;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
