package org.caart.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class AgentIdentityTest {

    @TempDir
    Path dir;

    private final AgentIdentity identity = new AgentIdentity("https://caart.example.com", "AB:CD", "ag-7", "s3cret", 3,
            "Acme", 20);

    @Test
    void theIdentityReadsBackAsWritten() throws IOException {
        Path file = dir.resolve("state/agent.json");
        assertTrue(identity.write(file));
        assertEquals(identity, AgentIdentity.read(file).orElseThrow());
    }

    @Test
    void aMissingFileMeansNotEnrolled() throws IOException {
        assertTrue(AgentIdentity.read(dir.resolve("agent.json")).isEmpty());
    }

    @Test
    void aBrokenFileIsReportedWithoutItsContent() throws IOException {
        Path file = dir.resolve("agent.json");
        Files.writeString(file, "{\"agentId\":\"a\",\"secret\":\"s3cret\"");
        IOException e = assertThrows(IOException.class, () -> AgentIdentity.read(file));
        assertTrue(e.getMessage().startsWith(file + " is not a valid agent identity"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void anIdentityWithoutSecretIsRefused() throws IOException {
        Path file = dir.resolve("agent.json");
        Files.writeString(file, "{\"server\":\"https://x\",\"agentId\":\"a\"}");
        assertThrows(IOException.class, () -> AgentIdentity.read(file));
    }

    @Test
    void thePollTimeDefaultsTo25Seconds() {
        assertEquals(25, new AgentIdentity("https://x", null, "a", "s", 1, "A", 0).pollSeconds());
    }

    @Test
    void theBearerCredentialJoinsIdAndSecret() {
        assertEquals("Bearer ag-7.s3cret", identity.authorization());
    }

    @Test
    void theSecretIsNeverInItsText() {
        assertFalse(identity.toString().contains("s3cret"), identity.toString());
    }

    @Test
    void rewritingReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("agent.json");
        identity.write(file);
        AgentIdentity renewed = new AgentIdentity("https://caart.example.com", null, "ag-8", "other", 3, "Acme", 20);
        renewed.write(file);
        assertEquals(renewed, AgentIdentity.read(file).orElseThrow());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    @Tag("linux-host")
    @EnabledOnOs(OS.LINUX)
    void theFileIsReadableByItsOwnerOnly() throws IOException {
        Path file = dir.resolve("new-state/agent.json");
        identity.write(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    @Tag("linux-host")
    @EnabledOnOs(OS.LINUX)
    void anExistingStateDirectoryKeepsItsPermissions() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
        identity.write(dir.resolve("agent.json"));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("agent.json"))));
    }
}
