package org.caart.agent.platform.linux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.SystemCommand;
import org.caart.agent.remediation.RemediationException;
import org.caart.agent.remediation.SshdControl;

/**
 * The real host's sshd: {@code sshd -t} validates the configuration, {@code systemctl try-reload-or-restart} of
 * ssh.service (Debian) or sshd.service makes a running daemon read it; a daemon that is not running stays stopped.
 */
public final class LinuxSshdControl implements SshdControl {

    private static final List<String> BINARIES = List.of("/usr/sbin/sshd", "/usr/bin/sshd", "/sbin/sshd");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String binary;

    private LinuxSshdControl(String binary) {
        this.binary = binary;
    }

    /** The control for this host: the real one when an sshd binary exists, else one that does nothing. */
    public static SshdControl ofThisHost() {
        return BINARIES.stream().filter(b -> Files.isExecutable(Path.of(b))).findFirst()
                .<SshdControl>map(LinuxSshdControl::new).orElse(SshdControl.none("no sshd binary on this host"));
    }

    @Override
    public Optional<String> validate() {
        SystemCommand.Result result = run(List.of(binary, "-t"));
        return result.exitCode() == 0 ? Optional.empty()
                : Optional.of("sshd -t exited with " + result.exitCode() + ": " + result.output().strip());
    }

    @Override
    public void reload() {
        String problem = "";
        for (String unit : List.of("ssh.service", "sshd.service")) {
            SystemCommand.Result result = run(List.of("systemctl", "try-reload-or-restart", unit));
            if (result.exitCode() == 0) {
                return;
            }
            problem = result.output().strip();
        }
        throw new RemediationException("sshd could not be reloaded (systemctl try-reload-or-restart ssh/sshd): "
                + problem);
    }

    @Override
    public String describe() {
        return "validated with " + binary + " -t, then reloaded";
    }

    private static SystemCommand.Result run(List<String> argv) {
        try {
            return SystemCommand.run(argv, TIMEOUT);
        } catch (PlatformException e) {
            throw new RemediationException(e.getMessage(), e);
        }
    }
}
