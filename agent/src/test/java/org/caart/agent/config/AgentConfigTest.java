package org.caart.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

    @TempDir
    Path dir;

    @Test
    void withoutAFileServerCommandsAreOffAndTheSpoolHoldsTenThousand() throws IOException {
        assertEquals(new AgentConfig(false, 10_000), AgentConfig.load(dir.resolve("agent.properties")));
    }

    @Test
    void theFileSetsBoth() throws IOException {
        Path file = dir.resolve("agent.properties");
        Files.writeString(file, "allow-server-commands = true\nspool-max-batches = 500\n");
        assertEquals(new AgentConfig(true, 500), AgentConfig.load(file));
    }

    @Test
    void aSpoolSizeThatIsNotAPositiveNumberIsAnError() throws IOException {
        Path file = dir.resolve("agent.properties");
        for (String bad : new String[] {"0", "-3", "many"}) {
            Files.writeString(file, "spool-max-batches=" + bad + "\n");
            IOException e = assertThrows(IOException.class, () -> AgentConfig.load(file), bad);
            assertEquals(file + ": spool-max-batches must be a whole number of at least 1, not '" + bad + "'",
                    e.getMessage());
        }
    }
}
