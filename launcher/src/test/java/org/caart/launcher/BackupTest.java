package org.caart.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** caart backup / caart restore on data folders made here (the restore drill with a server is BackupRestoreIT). */
class BackupTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void aBackupCopiesTheLastingDataOwnerOnlyAndLeavesRuntimeAndLogsBehind() throws IOException {
        Path data = dataFolder("data");
        Path backup = Files.createDirectories(temp.resolve("backup"));
        Files.setPosixFilePermissions(backup, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(0, launcher(data).verb(List.of("backup", backup.toString())), text());
        assertEquals("rwx------", mode(backup), "an empty folder made beforehand is closed too");
        assertEquals(Map.of("broker/KahaDB/db.data", "rw-------", "caart-backup.properties", "rw-------",
                "db/caart.mv.db", "rw-------", "tx/log", "rw-------"), files(backup));
        assertEquals("rwx------", mode(backup.resolve("broker/KahaDB")));
        assertEquals("database bytes", Files.readString(backup.resolve("db/caart.mv.db")));

        Path restored = temp.resolve("restored");
        assertEquals(0, launcher(restored).verb(List.of("restore", backup.toString())), text());
        Map<String, String> expected = new TreeMap<>(files(backup));
        expected.remove("caart-backup.properties");
        expected.put("launcher.lock", "rw-------");
        assertEquals(expected, files(restored));
        assertEquals("rwx------", mode(restored));
    }

    @Test
    void aFolderInUseIsNotBackedUpAndExistingDataIsNotOverwritten() throws IOException {
        Path data = dataFolder("busy");
        Path backup = temp.resolve("backup");
        try (FileLock held = DataCopy.lock(data).orElseThrow()) {
            assertTrue(held.isValid());
            assertEquals(1, launcher(data).verb(List.of("backup", backup.toString())));
            assertTrue(text().contains("CAaRT is running on " + data), text());
            assertFalse(Files.exists(backup));
        }
        assertEquals(0, launcher(data).verb(List.of("backup", backup.toString())), text());
        assertEquals(1, launcher(data).verb(List.of("backup", backup.toString())), "into a folder that is not empty");
        assertTrue(text().contains("is not empty"), text());

        Files.writeString(data.resolve("db/caart.mv.db"), "newer data");
        assertEquals(1, launcher(data).verb(List.of("restore", backup.toString())));
        assertTrue(text().contains("already holds data (db/)"), text());
        assertEquals("newer data", Files.readString(data.resolve("db/caart.mv.db")));
        assertEquals(1, launcher(temp.resolve("fresh")).verb(List.of("restore", data.toString())));
        assertTrue(text().contains("is not a CAaRT backup"), text());
        assertEquals(1, launcher(data).verb(List.of("backup")));
        assertTrue(text().contains("usage: caart backup DIR"), text());
    }

    private Path dataFolder(String name) throws IOException {
        Path data = temp.resolve(name);
        DataFolder.prepare(data, new PrintStream(out, true, StandardCharsets.UTF_8));
        Files.createDirectories(data.resolve("db"));
        Files.writeString(data.resolve("db/caart.mv.db"), "database bytes");
        Files.createDirectories(data.resolve("broker/KahaDB"));
        Files.writeString(data.resolve("broker/KahaDB/db.data"), "journal");
        Files.createDirectories(data.resolve("tx"));
        Files.writeString(data.resolve("tx/log"), "tx");
        Files.writeString(data.resolve("logs/server.log"), "log");
        Files.writeString(data.resolve("runtime/run-1-preboot.asadmin"), "set");
        return data;
    }

    private Launcher launcher(Path data) {
        out.reset();
        return new Launcher(Map.of("CAART_DATA_DIR", data.toString()), temp,
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), mode(path));
            }
        }
        return files;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
