package org.caart.agent.remediation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import org.caart.agent.platform.common.Sysctl;
import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationFlag;

/**
 * A kernel parameter: persisted as {@code key = value} in {@value #DROP_IN} (named to sort after Debian's
 * 99-sysctl.conf, so it wins at boot) and applied to the running value in /proc/sys below the root: the live
 * kernel on the real root, the fixture's file otherwise.
 */
final class SysctlFix implements Fix {

    static final String DROP_IN = "/etc/sysctl.d/99-zz-caart-remediation.conf";
    private static final String HEADER = "# Kernel parameters set by CAaRT remediation (caart-agent);"
            + " a rollback removes them.\n";

    private final RootedFiles files;
    private final String key;
    private final String value;

    SysctlFix(RootedFiles files, String key, String value) {
        this.files = files;
        this.key = key;
        this.value = value;
    }

    @Override
    public FixKind kind() {
        return FixKind.SYSCTL;
    }

    @Override
    public String target() {
        return key + " = " + value + " (running and in " + DROP_IN + ")";
    }

    @Override
    public Set<RemediationFlag> flags() {
        return Set.of();
    }

    @Override
    public List<Saved> capture() {
        return List.of(files.capture(DROP_IN, key), Saved.value("sysctl", key, readLive(files, key)));
    }

    @Override
    public void apply() {
        String text = files.read(DROP_IN).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(HEADER);
        files.write(DROP_IN, ConfigLines.set(text, key, " = ", value, false, false).getBytes(StandardCharsets.UTF_8),
                0644);
        writeLive(files, key, value + "\n");
    }

    static String readLive(RootedFiles files, String key) {
        try {
            return Files.readString(live(files, key), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RemediationException("this kernel has no parameter " + key);
        } catch (IOException e) {
            throw new RemediationException("cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    /** Writes the running value in place, as {@code sysctl -w} does (/proc files cannot be replaced). */
    static void writeLive(RootedFiles files, String key, String raw) {
        try {
            Files.writeString(live(files, key), raw, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new RemediationException("cannot set " + key + " in the running kernel: " + e.getMessage(), e);
        }
    }

    private static Path live(RootedFiles files, String key) {
        return files.resolve("/proc/sys/" + Sysctl.relativePath(key));
    }
}
