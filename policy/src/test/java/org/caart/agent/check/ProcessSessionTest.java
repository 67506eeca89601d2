package org.caart.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSessionTest {

    @TempDir
    Path proc;

    @Test
    void membersAreTheProcessesWhoseEnvironmentCarriesTheMarker() throws IOException {
        environ(100, "PATH=/bin", "CAART_COMMAND=7-3", "LC_ALL=C");
        environ(101, "CAART_COMMAND=7-3");
        environ(102, "CAART_COMMAND=7-31", "HOME=/root");
        environ(103, "X=CAART_COMMAND=7-3");
        environ(104);
        Files.createDirectories(proc.resolve("105"));
        Files.createDirectories(proc.resolve("self"));
        assertEquals(List.of(100L, 101L), new ProcessSession(proc).members("7-3").stream().sorted().toList());
    }

    @Test
    void markersAreUniquePerCommand() {
        assertNotEquals(ProcessSession.newMarker(), ProcessSession.newMarker());
    }

    private void environ(long pid, String... variables) throws IOException {
        Files.createDirectories(proc.resolve(Long.toString(pid)));
        StringBuilder text = new StringBuilder();
        for (String variable : variables) {
            text.append(variable).append('\0');
        }
        Files.writeString(proc.resolve(pid + "/environ"), text, StandardCharsets.UTF_8);
    }
}
