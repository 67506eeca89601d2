package org.caart.agent.platform.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class WindowsPatchesTest {

    private static final String PACKAGES = WindowsPatches.PACKAGES + "\\";
    private final FakeRegistry registry = new FakeRegistry();

    /** 2025-11-10T09:12:33Z as a FILETIME: 0x01DC5222_25C05680. */
    private static final long HIGH = 134_072_395_530_000_000L >>> 32;
    private static final long LOW = 134_072_395_530_000_000L & 0xFFFFFFFFL;

    private void pkg(String name, long state, long high, long low) {
        registry.put(PACKAGES + name, "CurrentState", RegistryValue.dword(state));
        registry.put(PACKAGES + name, "InstallTimeHigh", RegistryValue.dword(high));
        registry.put(PACKAGES + name, "InstallTimeLow", RegistryValue.dword(low));
    }

    @Test
    void fileTimeHalvesBecomeADay() {
        assertEquals(LocalDate.of(2025, 11, 10), WindowsPatches.fileTimeDate(HIGH, LOW, ZoneOffset.UTC));
        assertEquals(LocalDate.of(1601, 1, 1), WindowsPatches.fileTimeDate(0, 0, ZoneOffset.UTC));
    }

    @Test
    void fileTimeDayDependsOnTheZone() {
        long late = 134_072_395_530_000_000L + 15L * 3600 * 10_000_000L; // 2025-11-11T00:12:33Z
        assertEquals(LocalDate.of(2025, 11, 11), WindowsPatches.fileTimeDate(late >>> 32, late & 0xFFFFFFFFL, ZoneOffset.UTC));
        assertEquals(LocalDate.of(2025, 11, 10),
                WindowsPatches.fileTimeDate(late >>> 32, late & 0xFFFFFFFFL, ZoneId.of("America/New_York")));
    }

    @Test
    void newestInstalledUpdatePackageWins() {
        pkg("Package_for_RollupFix~31bf3856ad364e35~amd64~~20348.4405.1.3", 0x70, HIGH, LOW);
        pkg("Package_for_KB5005039~31bf3856ad364e35~amd64~~10.0.1.3", 0x70, HIGH - 100, LOW);
        LastPatch patch = WindowsPatches.lastPatch(registry, ZoneOffset.UTC).orElseThrow();
        assertEquals(LocalDate.of(2025, 11, 10), patch.date());
        assertEquals("Windows Update", patch.source());
    }

    @Test
    void featuresAndPackagesNotInstalledDoNotCount() {
        pkg("Microsoft-Windows-Foundation-Package~31bf3856ad364e35~amd64~~10.0.20348.1", 0x70, HIGH + 10, LOW);
        pkg("Package_for_KB5099999~31bf3856ad364e35~amd64~~10.0.1.0", 0x50, HIGH + 10, LOW);
        pkg("Package_for_KB5005039~31bf3856ad364e35~amd64~~10.0.1.3", 0x70, HIGH, LOW);
        assertEquals(LocalDate.of(2025, 11, 10), WindowsPatches.lastPatch(registry, ZoneOffset.UTC).orElseThrow().date());
    }

    @Test
    void noUpdatePackagesMeansUnknown() {
        registry.putKey(WindowsPatches.PACKAGES);
        assertTrue(WindowsPatches.lastPatch(registry, ZoneOffset.UTC).isEmpty());
    }

    @Test
    void anUnreadableServicingKeyRaises() {
        registry.putKey(WindowsPatches.PACKAGES).deny(WindowsPatches.PACKAGES);
        assertThrows(PlatformException.class, () -> WindowsPatches.lastPatch(registry, ZoneOffset.UTC));
    }
}
