package org.caart.agent.platform.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The newest installed Windows update, from two records that each miss some updates:
 * <ul>
 * <li>"windows-qfe": the installed-updates history, {@code Win32_QuickFixEngineering.InstalledOn} read through WMI
 * (see {@link HotFixDates} for its formats);</li>
 * <li>"windows-cbs": Component Based Servicing, one sub-key per package under {@link #PACKAGES}, with
 * {@code CurrentState} 0x70 once installed and the install time as a FILETIME split into {@code InstallTimeHigh}
 * and {@code InstallTimeLow}. Only update packages count (names starting with "Package_for_KB",
 * "Package_for_RollupFix", "Package_for_ServicingStack", "Package_for_DotNetRollup").</li>
 * </ul>
 * The later day wins (QFE on a tie). A day after tomorrow is a broken clock or record and is ignored. When one
 * record cannot be read the other still answers and the failure is logged; when neither gives a day and one failed,
 * the failure is raised.
 */
public final class WindowsPatches {

    static final String PACKAGES =
            "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages";
    static final long INSTALLED = 0x70;
    static final String QFE = "windows-qfe";
    static final String CBS = "windows-cbs";
    private static final long FILETIME_TO_UNIX_SECONDS = 11_644_473_600L;
    private static final System.Logger LOG = System.getLogger(WindowsPatches.class.getName());

    private WindowsPatches() {
    }

    public static Optional<LastPatch> lastPatch(RegistryAccess registry, Supplier<List<HotFix>> hotFixes, ZoneId zone,
            LocalDate today) {
        LocalDate latest = today.plusDays(1);
        List<PlatformException> failures = new ArrayList<>();
        Optional<LastPatch> qfe = read(() -> newestHotFix(hotFixes.get(), zone, latest), failures);
        Optional<LastPatch> cbs = read(() -> newestPackage(registry, zone, latest), failures);
        Optional<LastPatch> newest = Stream.of(qfe, cbs).flatMap(Optional::stream)
                .max(Comparator.comparing(LastPatch::date));
        if (newest.isEmpty() && !failures.isEmpty()) {
            PlatformException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        failures.forEach(e -> LOG.log(System.Logger.Level.WARNING,
                "one Windows update record is unreadable, the date comes from the other: " + e.getMessage()));
        return newest;
    }

    private static Optional<LastPatch> read(Supplier<Optional<LastPatch>> source, List<PlatformException> failures) {
        try {
            return source.get();
        } catch (PlatformException e) {
            failures.add(e);
            return Optional.empty();
        }
    }

    private static Optional<LastPatch> newestHotFix(List<HotFix> hotFixes, ZoneId zone, LocalDate latest) {
        LocalDate newest = null;
        for (HotFix hotFix : hotFixes) {
            newest = LastPatch.newer(newest, plausible(HotFixDates.installedOn(hotFix.installedOn(), zone).orElse(null),
                    latest));
        }
        return Optional.ofNullable(newest).map(date -> new LastPatch(date, QFE));
    }

    private static Optional<LastPatch> newestPackage(RegistryAccess registry, ZoneId zone, LocalDate latest) {
        LocalDate newest = null;
        for (String name : registry.subKeys(PACKAGES)) {
            if (isUpdate(name)) {
                newest = LastPatch.newer(newest, plausible(installDate(registry, PACKAGES + "\\" + name, zone), latest));
            }
        }
        return Optional.ofNullable(newest).map(date -> new LastPatch(date, CBS));
    }

    private static LocalDate plausible(LocalDate date, LocalDate latest) {
        return date == null || date.isAfter(latest) ? null : date;
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
