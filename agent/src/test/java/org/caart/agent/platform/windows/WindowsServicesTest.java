package org.caart.agent.platform.windows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caart.agent.platform.ServiceBody;
import org.caart.agent.platform.ServiceException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The JNA adapter against the real Service Control Manager (Windows only; needs no administrator rights). */
@Tag("windows-host")
@EnabledOnOs(OS.WINDOWS)
class WindowsServicesTest {

    @Test
    void aServiceThatDoesNotExistIsNotInstalled() {
        assertFalse(new WindowsServices().installed("caart-agent-test-" + System.nanoTime()));
        assertTrue(new WindowsServices().installed("EventLog"));
    }

    @Test
    void runningAsAServiceFromAPromptIsRefusedWithASentence() {
        ServiceException refused = assertThrows(ServiceException.class,
                () -> new WindowsServices().runAsService("caart-agent", new ServiceBody() {
                    @Override
                    public int run() {
                        return 0;
                    }

                    @Override
                    public void stop() {
                    }
                }));
        assertTrue(refused.getMessage().contains("started by the Windows service manager"), refused.getMessage());
    }
}
