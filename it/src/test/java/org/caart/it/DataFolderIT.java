package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A local user read invitation tokens and password hashes from a data folder left 0755 with 0644 files. After a
 * fresh start nothing in the data folder (H2 database, broker store, transaction log, logs, runtime, one-time
 * password) is open to anyone but its owner.
 */
@ExtendWith(SharedServer.class)
class DataFolderIT {

    @Test
    void aFreshDataFolderIsTheOwnersOnly() throws IOException {
        Path data = SharedServer.server().dataDir();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        Map<String, String> open = new TreeMap<>();
        int seen;
        try (Stream<Path> paths = Files.walk(data)) {
            List<Path> all = paths.filter(p -> !Files.isSymbolicLink(p)).toList();
            seen = all.size();
            for (Path path : all) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                if (!DataFolderIT.ownerOnly(permissions)) {
                    open.put(data.relativize(path).toString(), PosixFilePermissions.toString(permissions));
                }
            }
        }
        assertTrue(seen > 20, "the database, broker store, logs and runtime are there: " + seen);
        assertTrue(Files.exists(data.resolve("logs/server.log")));
        assertEquals(Map.of(), open);
    }

    private static boolean ownerOnly(Set<PosixFilePermission> permissions) {
        return permissions.stream().allMatch(p -> p.name().startsWith("OWNER_"));
    }
}
