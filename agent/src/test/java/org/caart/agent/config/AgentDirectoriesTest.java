package org.caart.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentDirectoriesTest {

    @AfterEach
    void clear() {
        System.clearProperty("caart.state.dir");
    }

    @Test
    void rootKeepsItsStateUnderVarLib() {
        assertEquals(Path.of("/var/lib/caart/state"), AgentDirectories.of(Map.of(), "Linux", "root", "/root").state());
    }

    @Test
    void aUserKeepsItsStateInTheXdgStateHome() {
        assertEquals(Path.of("/home/ann/.local/state/caart"),
                AgentDirectories.of(Map.of(), "Linux", "ann", "/home/ann").state());
        assertEquals(Path.of("/xdg/state/caart"),
                AgentDirectories.of(Map.of("XDG_STATE_HOME", "/xdg/state"), "Linux", "ann", "/home/ann").state());
    }

    @Test
    void windowsKeepsItsStateInAppData() {
        AgentDirectories windows = AgentDirectories.of(Map.of("APPDATA", "C:\\Users\\ann\\AppData\\Roaming"),
                "Windows Server 2022", "ann", "C:\\Users\\ann");
        assertEquals(windows.config().resolve("state"), windows.state());
    }

    @Test
    void theEnvironmentVariableMovesTheState() {
        AgentDirectories directories = AgentDirectories.of(Map.of(AgentDirectories.STATE_DIR_VARIABLE, "/srv/agent"),
                "Linux", "ann", "/home/ann");
        assertEquals(Path.of("/srv/agent"), directories.state());
        assertEquals(Path.of("/srv/agent/agent.json"), directories.identityFile());
        assertEquals(Path.of("/srv/agent/spool"), directories.spool());
    }

    @Test
    void theSystemPropertyBeatsTheEnvironmentAndTheOptionBeatsBoth() {
        System.setProperty("caart.state.dir", "/from/property");
        AgentDirectories directories = AgentDirectories.of(Map.of(AgentDirectories.STATE_DIR_VARIABLE, "/from/env"),
                "Linux", "ann", "/home/ann");
        assertEquals(Path.of("/from/property"), directories.state());
        assertEquals(Path.of("/from/option"), directories.withState("/from/option").state());
        assertEquals(directories, directories.withState(null));
    }
}
