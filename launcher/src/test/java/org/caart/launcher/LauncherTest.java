package org.caart.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void theReadyLineNamesThePublicUrlWhenOneIsSet() {
        assertEquals("https://caart.example.org", Launcher.publicBase(Map.of("CAART_PUBLIC_URL",
                "https://caart.example.org/"), 8080));
        assertEquals("http://localhost:9090", Launcher.publicBase(Map.of(), 9090));
        assertEquals("http://localhost:9090", Launcher.publicBase(Map.of("CAART_PUBLIC_URL", " "), 9090));
    }
}
