package org.caart.agent.platform.linux;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.caart.agent.platform.common.AptHistoryParser;
import org.caart.agent.platform.common.DpkgLogParser;
import org.caart.agent.platform.common.LastPatch;
import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.RpmLastParser;
import org.caart.agent.platform.common.SystemCommand;

/**
 * The last patch date: apt's history, else dpkg's log (each with its rotations, {@code .1} and {@code .2.gz}, newest
 * first), else {@code rpm -qa --last} (on the real root only). A log that cannot be read is skipped; when no source
 * gives a date and one could not be read, that failure is raised.
 */
final class LinuxPatches {

    private static final List<String> RPM_PATHS = List.of("/usr/bin/rpm", "/bin/rpm");

    private final LinuxPlatform platform;

    LinuxPatches(LinuxPlatform platform) {
        this.platform = platform;
    }

    Optional<LastPatch> find() {
        List<String> failures = new ArrayList<>();
        Optional<LastPatch> patch = newest("/var/log/apt", "history.log", AptHistoryParser::newest, "apt history", failures)
                .or(() -> newest("/var/log", "dpkg.log", DpkgLogParser::newest, "dpkg.log", failures))
                .or(() -> rpm(failures));
        if (patch.isEmpty() && !failures.isEmpty()) {
            throw new PlatformException("cannot read the last patch date: " + String.join("; ", failures));
        }
        return patch;
    }

    private Optional<LastPatch> newest(String folder, String log, Function<Stream<String>, Optional<LocalDate>> parser,
            String source, List<String> failures) {
        for (Path file : rotations(platform.resolve(folder), log)) {
            try {
                Optional<LocalDate> date = read(file, parser);
                if (date.isPresent()) {
                    return Optional.of(new LastPatch(date.get(), source));
                }
            } catch (IOException e) {
                failures.add(folder + "/" + file.getFileName() + ": " + e);
            }
        }
        return Optional.empty();
    }

    /** {@code log}, {@code log.1}, {@code log.2.gz}, ... in a folder, newest first; empty when there is none. */
    static List<Path> rotations(Path folder, String log) {
        Pattern name = Pattern.compile(Pattern.quote(log) + "(?:\\.(\\d+))?(?:\\.gz)?");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> name.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(file -> rotation(name, file))).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new PlatformException("cannot list " + folder + ": " + e, e);
        }
    }

    private static long rotation(Pattern name, Path file) {
        Matcher matcher = name.matcher(file.getFileName().toString());
        return matcher.matches() && matcher.group(1) != null ? Long.parseLong(matcher.group(1)) : 0;
    }

    /** Streams a log (gunzipped when it ends in .gz) as Latin-1, so stray bytes in command lines cannot fail it. */
    private static Optional<LocalDate> read(Path file, Function<Stream<String>, Optional<LocalDate>> parser)
            throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            return parser.apply(reader.lines());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Optional<LastPatch> rpm(List<String> failures) {
        Optional<String> rpm = RPM_PATHS.stream().filter(platform::exists).findFirst();
        if (rpm.isEmpty() || !platform.realRoot()) {
            return Optional.empty();
        }
        try {
            SystemCommand.Result result = SystemCommand.run(List.of(rpm.get(), "-qa", "--last"),
                    Map.of("LC_ALL", "C"), Duration.ofSeconds(60));
            if (result.exitCode() != 0) {
                failures.add("rpm -qa --last failed with exit code " + result.exitCode());
                return Optional.empty();
            }
            return RpmLastParser.newest(result.lines().stream()).map(date -> new LastPatch(date, "rpm"));
        } catch (PlatformException e) {
            failures.add(e.getMessage());
            return Optional.empty();
        }
    }
}
