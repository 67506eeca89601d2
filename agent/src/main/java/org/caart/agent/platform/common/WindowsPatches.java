package org.caart.agent.platform.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The newest installed Windows update, as Component Based Servicing records it: one sub-key per package under
 * {@code HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages}, with
 * {@code CurrentState} 0x70 once installed and the install time as a FILETIME split into {@code InstallTimeHigh}
 * and {@code InstallTimeLow}. Only update packages count (security and cumulative updates, servicing stack and .NET
 * rollups: names starting with "Package_for_KB", "Package_for_RollupFix", "Package_for_ServicingStack",
 * "Package_for_DotNetRollup"); features and language packs do not.
 */
public final class WindowsPatches {

    static final String PACKAGES =
            "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages";
    static final long INSTALLED = 0x70;
    private static final long FILETIME_TO_UNIX_SECONDS = 11_644_473_600L;

    private WindowsPatches() {
    }

    public static Optional<LastPatch> lastPatch(RegistryAccess registry, ZoneId zone) {
        LocalDate newest = null;
        for (String name : registry.subKeys(PACKAGES)) {
            if (isUpdate(name)) {
                newest = LastPatch.newer(newest, installDate(registry, PACKAGES + "\\" + name, zone));
            }
        }
        return Optional.ofNullable(newest).map(date -> new LastPatch(date, "Windows Update"));
    }

    static boolean isUpdate(String packageName) {
        String name = packageName.toLowerCase(Locale.ROOT);
        return name.startsWith("package_for_kb") || name.startsWith("package_for_rollupfix")
                || name.startsWith("package_for_servicingstack") || name.startsWith("package_for_dotnetrollup");
    }

    private static LocalDate installDate(RegistryAccess registry, String key, ZoneId zone) {
        OptionalLong state = number(registry, key, "CurrentState");
        OptionalLong high = number(registry, key, "InstallTimeHigh");
        OptionalLong low = number(registry, key, "InstallTimeLow");
        if (state.orElse(-1) != INSTALLED || high.isEmpty() || low.isEmpty()) {
            return null;
        }
        return fileTimeDate(high.getAsLong(), low.getAsLong(), zone);
    }

    private static OptionalLong number(RegistryAccess registry, String key, String name) {
        return registry.value(key, name).map(RegistryValue::number).orElse(OptionalLong.empty());
    }

    /** The day of a FILETIME (100-ns ticks since 1601-01-01 UTC) given as two unsigned 32-bit halves, in a zone. */
    public static LocalDate fileTimeDate(long high, long low, ZoneId zone) {
        long ticks = (high & 0xFFFFFFFFL) << 32 | (low & 0xFFFFFFFFL);
        Instant instant = Instant.ofEpochSecond(Long.divideUnsigned(ticks, 10_000_000L) - FILETIME_TO_UNIX_SECONDS,
                Long.remainderUnsigned(ticks, 10_000_000L) * 100);
        return LocalDate.ofInstant(instant, zone);
    }
}
