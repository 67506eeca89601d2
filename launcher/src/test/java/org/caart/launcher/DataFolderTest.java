package org.caart.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void aNewDataFolderAndItsFoldersAreForTheOwnerOnly() throws IOException {
        Path data = temp.resolve("caart-data");
        DataFolder.prepare(data, new PrintStream(out, true, StandardCharsets.UTF_8));
        for (Path folder : new Path[] {data, data.resolve("runtime"), data.resolve("logs"), data.resolve("broker")}) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)), folder
                    .toString());
        }
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        Path file = DataFolder.createOwnerFile(data.resolve("logs/server.log"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void anExistingFolderOpenToOthersIsLeftAsItIsWithAWarning() throws IOException {
        Path data = Files.createDirectories(temp.resolve("shared"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        DataFolder.prepare(data, new PrintStream(out, true, StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("Warning: the data folder " + data + " is open to other users (rwxr-xr-x)"), said);
        assertTrue(said.contains("chmod 700 " + data), said);
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    }
}
