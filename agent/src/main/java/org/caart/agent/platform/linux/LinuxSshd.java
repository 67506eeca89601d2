package org.caart.agent.platform.linux;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.SshdConfig;
import org.caart.agent.platform.common.SshdConfigParser;
import org.caart.agent.platform.common.SshdDefaults;
import org.caart.agent.platform.common.SystemCommand;

/**
 * sshd's effective settings: {@code sshd -T} when it runs (it needs root and readable host keys),
 * otherwise sshd_config parsed by {@link SshdConfigParser} with {@link SshdDefaults} filled in.
 */
final class LinuxSshd implements SshdConfigParser.Files {

    private static final String CONFIG = "/etc/ssh/sshd_config";
    private static final List<String> BINARIES = List.of("/usr/sbin/sshd", "/usr/bin/sshd", "/sbin/sshd");

    private final LinuxPlatform platform;
    private Optional<SshdConfig> cached;

    LinuxSshd(LinuxPlatform platform) {
        this.platform = platform;
    }

    synchronized Optional<SshdConfig> config() {
        if (cached == null) {
            cached = load();
        }
        return cached;
    }

    private Optional<SshdConfig> load() {
        Optional<String> binary = BINARIES.stream().filter(platform::exists).findFirst();
        boolean configExists = platform.exists(CONFIG);
        if (binary.isEmpty() && !configExists) {
            return Optional.empty();
        }
        String why = platform.realRoot() ? "no sshd binary found" : "the agent reads a fixture root";
        if (binary.isPresent() && platform.realRoot()) {
            SystemCommand.Result result = SystemCommand.run(List.of(binary.get(), "-T"), Duration.ofSeconds(30));
            if (result.exitCode() == 0) {
                return Optional.of(new SshdConfig("sshd -T", true, SshdConfigParser.parseEffective(result.lines())));
            }
            why = "sshd -T exited with " + result.exitCode() + ": " + firstLine(result.output());
        }
        if (!configExists) {
            throw new PlatformException(CONFIG + " does not exist and " + why);
        }
        Map<String, List<String>> values = SshdConfigParser.parseConfig(CONFIG, this);
        SshdDefaults.fill(values);
        return Optional.of(new SshdConfig(CONFIG + " parsed (" + why + "; unset keywords use OpenSSH defaults)",
                false, values));
    }

    @Override
    public Optional<List<String>> read(String hostPath) {
        return platform.readLines(hostPath);
    }

    @Override
    public List<String> expand(String hostPattern) {
        int slash = hostPattern.lastIndexOf('/');
        String directory = hostPattern.substring(0, Math.max(slash, 1));
        String glob = hostPattern.substring(slash + 1);
        if (directory.contains("*") || directory.contains("?")) {
            throw new PlatformException("Include with a wildcard directory is not supported: " + hostPattern);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<String> files = new ArrayList<>();
        Path dir = platform.resolve(directory);
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> matcher.matches(p.getFileName()) && Files.isRegularFile(p))
                    .map(p -> directory + "/" + p.getFileName()).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new PlatformException("cannot list " + directory + ": " + e, e);
        }
        return files;
    }

    private static String firstLine(String output) {
        return output.lines().findFirst().orElse("(no output)");
    }
}
