package org.caart.agent.platform.linux;

import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 * ssh.service (Debian) or sshd.service makes a running daemon read it (a daemon that is not running stays stopped),
 * and a daemon that answered with its SSH banner on the loopback address before must answer again afterwards.
 */
public final class LinuxSshdControl implements SshdControl {

    private static final List<String> BINARIES = List.of("/usr/sbin/sshd", "/usr/bin/sshd", "/sbin/sshd");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final int ANSWER_SECONDS = 15;

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

    /**
     * Reloads sshd; when it answered on the loopback address before, it must answer there again within
     * {@value #ANSWER_SECONDS} s (else the caller puts the configuration back), so a reload that left no listening
     * daemon is not kept.
     */
    @Override
    public void reload() {
        List<InetSocketAddress> answering = answering();
        String problem = "";
        for (String unit : List.of("ssh.service", "sshd.service")) {
            SystemCommand.Result result = run(List.of("systemctl", "try-reload-or-restart", unit));
            if (result.exitCode() == 0) {
                awaitAnswer(answering);
                return;
            }
            problem = result.output().strip();
        }
        throw new RemediationException("sshd could not be reloaded (systemctl try-reload-or-restart ssh/sshd): "
                + problem);
    }

    private List<InetSocketAddress> answering() {
        SystemCommand.Result effective = run(List.of(binary, "-T"));
        if (effective.exitCode() != 0) {
            return List.of();
        }
        return SshBanner.ports(effective.output()).stream()
                .map(port -> new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .filter(address -> SshBanner.answers(address, Duration.ofSeconds(2))).toList();
    }

    private static void awaitAnswer(List<InetSocketAddress> answering) {
        if (answering.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(ANSWER_SECONDS).toNanos();
        while (System.nanoTime() < deadline) {
            if (answering.stream().anyMatch(address -> SshBanner.answers(address, Duration.ofSeconds(2)))) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new RemediationException("sshd does not answer on " + answering + " after the reload");
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
