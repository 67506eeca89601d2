package org.caart.agent.platform.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@Tag("linux-host")
@EnabledOnOs(OS.LINUX)
class SystemCommandTest {

    @Test
    void capturesOutputAndExitCode() {
        SystemCommand.Result result = SystemCommand.run(List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 3"),
                Duration.ofSeconds(10));
        assertEquals(3, result.exitCode());
        assertEquals(List.of("out", "err"), result.lines());
    }

    @Test
    void aMissingProgramIsAPlatformError() {
        assertThrows(PlatformException.class, () -> SystemCommand.run(List.of("/nonexistent/caart-tool"),
                Duration.ofSeconds(5)));
    }

    @Test
    void aHangingProgramTimesOut() {
        PlatformException e = assertThrows(PlatformException.class,
                () -> SystemCommand.run(List.of("/bin/sleep", "5"), Duration.ofMillis(200)));
        assertTrue(e.getMessage().contains("timed out"));
    }
}
