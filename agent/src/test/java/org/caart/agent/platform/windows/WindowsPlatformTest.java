package org.caart.agent.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;

import org.caart.agent.platform.common.HotFixDates;
import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.RegistryValueType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@Tag("windows-host")
@EnabledOnOs(OS.WINDOWS)
class WindowsPlatformTest {

    private final WindowsPlatform platform = new WindowsPlatform();

    @Test
    void readsTheProductNameFromThe64BitView() {
        var value = platform.registry().value("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "ProductName");
        assertEquals(RegistryValueType.REG_SZ, value.orElseThrow().type());
        assertTrue(value.get().text().startsWith("Windows"));
        assertEquals(OsFamily.WINDOWS, platform.family());
    }

    @Test
    void aMissingValueIsEmpty() {
        assertFalse(platform.registry().value("HKLM\\SOFTWARE\\CAaRT-does-not-exist", "x").isPresent());
    }

    @Test
    void theLogonSubcategoryIsReadByGuidOrRefusedWithoutPrivilege() {
        try {
            assertTrue(platform.auditPolicy("{0CCE9215-69AE-11D9-BED3-505054503030}").isPresent());
        } catch (PlatformException e) {
            assertTrue(e.getMessage().contains("Administrator"), e.getMessage());
        }
    }

    @Test
    void theEventLogServiceHasAStartType() {
        assertTrue(platform.serviceStartType("EventLog").isPresent());
    }

    @Test
    void wmiListsTheInstalledUpdatesAndTheirDaysAreReadable() {
        var rows = WindowsQuickFixes.installed();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(row -> !row.id().isBlank()), rows.toString());
        assertTrue(rows.stream().anyMatch(row -> HotFixDates.installedOn(row.installedOn(), ZoneId.systemDefault())
                .isPresent()), rows.toString());
        assertTrue(platform.lastPatch().isPresent());
    }
}
