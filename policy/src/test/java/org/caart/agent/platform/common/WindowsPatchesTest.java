package org.caart.agent.platform.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class WindowsPatchesTest {

    private static final String PACKAGES = WindowsPatches.PACKAGES + "\\";
    private static final LocalDate TODAY = LocalDate.of(2025, 11, 20);
    private final FakeRegistry registry = new FakeRegistry();

    /** 2025-11-10T09:12:33Z as a FILETIME: 0x01DC5222_25C05680. */
    private static final long HIGH = 134_072_395_530_000_000L >>> 32;
    private static final long LOW = 134_072_395_530_000_000L & 0xFFFFFFFFL;

    private void pkg(String name, long state, long high, long low) {
        registry.put(PACKAGES + name, "CurrentState", RegistryValue.dword(state));
        registry.put(PACKAGES + name, "InstallTimeHigh", RegistryValue.dword(high));
        registry.put(PACKAGES + name, "InstallTimeLow", RegistryValue.dword(low));
    }

    private Optional<LastPatch> lastPatch(Supplier<List<HotFix>> hotFixes, LocalDate today) {
        return WindowsPatches.lastPatch(registry, hotFixes, ZoneOffset.UTC, today);
    }

    private Optional<LastPatch> cbsOnly() {
        return lastPatch(List::of, TODAY);
    }

    /** The rows of {@code wmic qfe get HotFixID,InstalledOn /format:csv} on a Windows Server 2022 host. */
    private static List<HotFix> wmicFixture() {
        return Fixtures.lines("patch/win32-quickfixengineering.csv").stream()
                .filter(line -> !line.isBlank() && !line.startsWith("Node,"))
                .map(line -> line.split(",", -1)).map(cells -> new HotFix(cells[1], cells[2])).toList();
    }

    private static LastPatch patch(String date, String source) {
        return new LastPatch(LocalDate.parse(date), source);
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
        assertEquals(Optional.of(patch("2025-11-10", "windows-cbs")), cbsOnly());
    }

    @Test
    void featuresAndPackagesNotInstalledDoNotCount() {
        pkg("Microsoft-Windows-Foundation-Package~31bf3856ad364e35~amd64~~10.0.20348.1", 0x70, HIGH + 10, LOW);
        pkg("Package_for_KB5099999~31bf3856ad364e35~amd64~~10.0.1.0", 0x50, HIGH + 10, LOW);
        pkg("Package_for_KB5005039~31bf3856ad364e35~amd64~~10.0.1.3", 0x70, HIGH, LOW);
        assertEquals(LocalDate.of(2025, 11, 10), cbsOnly().orElseThrow().date());
    }

    @Test
    void noUpdatesAnywhereMeansUnknown() {
        registry.putKey(WindowsPatches.PACKAGES);
        assertTrue(cbsOnly().isEmpty());
        assertTrue(lastPatch(() -> List.of(new HotFix("KB5005039", ""), new HotFix("KB5011497", "garbage")), TODAY)
                .isEmpty());
    }

    @Test
    void theNewestReadableQuickFixRowWinsAndGarbageRowsAreSkipped() {
        registry.putKey(WindowsPatches.PACKAGES);
        assertEquals(Optional.of(patch("2024-04-09", "windows-qfe")), lastPatch(WindowsPatchesTest::wmicFixture,
                LocalDate.of(2024, 4, 15)));
    }

    @Test
    void theLaterOfTheQuickFixHistoryAndTheServicingStoreWins() {
        pkg("Package_for_RollupFix~31bf3856ad364e35~amd64~~20348.4405.1.3", 0x70, HIGH, LOW);
        assertEquals(Optional.of(patch("2025-11-12", "windows-qfe")),
                lastPatch(() -> List.of(new HotFix("KB5068787", "11/12/2025")), TODAY));
        assertEquals(Optional.of(patch("2025-11-10", "windows-cbs")),
                lastPatch(() -> List.of(new HotFix("KB5066782", "10/14/2025")), TODAY));
    }

    @Test
    void aDayAfterTomorrowIsClockGarbageButTomorrowCounts() {
        List<HotFix> rows = List.of(new HotFix("KB5066782", "10/14/2025"), new HotFix("KB5099998", "11/21/2025"),
                new HotFix("KB5099999", "11/22/2025"), new HotFix("KB5099997", "20991231"));
        assertEquals(Optional.of(patch("2025-11-21", "windows-qfe")), lastPatch(() -> rows, TODAY));
        assertEquals(Optional.of(patch("2025-10-14", "windows-qfe")), lastPatch(() -> rows, TODAY.minusDays(2)));
    }

    @Test
    void aServicingPackageFromTheFutureIsIgnoredToo() {
        long future = 134_072_395_530_000_000L + 30L * 86_400 * 10_000_000L; // 2025-12-10
        pkg("Package_for_KB5099999~31bf3856ad364e35~amd64~~10.0.1.0", 0x70, future >>> 32, future & 0xFFFFFFFFL);
        pkg("Package_for_KB5005039~31bf3856ad364e35~amd64~~10.0.1.3", 0x70, HIGH, LOW);
        assertEquals(LocalDate.of(2025, 11, 10), cbsOnly().orElseThrow().date());
    }

    @Test
    void anUnreadableServicingKeyLeavesTheQuickFixHistory() {
        registry.putKey(WindowsPatches.PACKAGES).deny(WindowsPatches.PACKAGES);
        assertEquals(Optional.of(patch("2025-10-14", "windows-qfe")),
                lastPatch(() -> List.of(new HotFix("KB5066782", "10/14/2025")), TODAY));
    }

    @Test
    void aFailingWmiQueryLeavesTheServicingStore() {
        pkg("Package_for_KB5005039~31bf3856ad364e35~amd64~~10.0.1.3", 0x70, HIGH, LOW);
        assertEquals(Optional.of(patch("2025-11-10", "windows-cbs")), lastPatch(() -> {
            throw new PlatformException("cannot query Win32_QuickFixEngineering: WMI service stopped");
        }, TODAY));
    }

    @Test
    void whenNothingIsKnownAFailureRaisesWithTheOtherSuppressed() {
        registry.putKey(WindowsPatches.PACKAGES).deny(WindowsPatches.PACKAGES);
        assertThrows(PlatformException.class, this::cbsOnly);
        PlatformException e = assertThrows(PlatformException.class, () -> lastPatch(() -> {
            throw new PlatformException("WMI service stopped");
        }, TODAY));
        assertEquals("WMI service stopped", e.getMessage());
        assertEquals(1, e.getSuppressed().length);
    }
}
