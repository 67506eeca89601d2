package org.caart.agent.command;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.caart.agent.ExitCode;
import org.caart.agent.config.AgentDirectories;
import org.caart.agent.config.AgentIdentity;
import org.caart.agent.platform.Platforms;
import org.caart.agent.remediation.RemediationSettings;
import org.caart.agent.transport.HostViews;
import org.caart.agent.transport.PinnedCertificate;
import org.caart.agent.transport.ReEnrollRequiredException;
import org.caart.agent.transport.ServerClient;
import org.caart.agent.transport.ServerException;
import org.caart.agent.transport.ServerRefusedException;
import org.caart.contract.agent.v1.EnrollRequest;
import org.caart.contract.agent.v1.EnrollResponse;

/** {@code enroll}: exchanges a one-time token from the portal for this agent's identity, kept in agent.json. */
public final class Enroll implements Command {

    @Override
    public String name() {
        return "enroll";
    }

    @Override
    public String summary() {
        return "register this host with a CAaRT server using a token from the portal";
    }

    @Override
    public String help() {
        return """
                Usage: caart-agent enroll --server URL --token TOKEN [--pin-sha256 HEX] [--state-dir DIR]
                                          [--allow-remediation]

                Registers this host with the server, using the one-time token the portal shows under
                Add endpoint, and keeps the identity it receives in DIR/agent.json, readable by this user only.
                Run 'caart-agent run' afterwards as the same user.

                  --server URL       the server's address, e.g. https://caart.example.com
                  --token TOKEN      the enrollment token (valid 30 minutes, once)
                  --pin-sha256 HEX   accept only the server certificate with this SHA-256 fingerprint
                                     (64 hex digits, colons allowed), e.g. for a self-signed certificate
                  --state-dir DIR    where the agent keeps its identity and spool (default: see docs;
                                     also CAART_AGENT_STATE_DIR)
                  --allow-remediation
                                     let the server's remediation orders change this host: writes
                                     allow-remediation=true into agent.properties (docs/remediation.md)

                Exit codes: 0 enrolled, 2 usage error or identity not written, 4 server unreachable,
                            5 token refused (unknown, expired or already used).""";
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = Arguments.parse(args, Set.of("--server", "--token", "--pin-sha256", "--state-dir"),
                Set.of("--allow-remediation"));
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("takes no positional arguments");
        }
        URI server = server(arguments.option("--server"));
        String token = arguments.option("--token");
        if (token == null || token.isBlank()) {
            throw new UsageException("--token is required: copy it from the portal's Add endpoint page");
        }
        PinnedCertificate pin = pin(arguments.option("--pin-sha256"), server);
        if (server.getScheme().equalsIgnoreCase("http")) {
            err.println("caart-agent enroll: warning: " + server + " is plain HTTP: the agent's secret will travel"
                    + " unencrypted; use https:// outside a test setup");
        }
        AgentDirectories directories = AgentDirectories.current().withState(arguments.option("--state-dir"));
        EnrollResponse enrolled;
        try {
            enrolled = ServerClient.anonymous(server, pin).enroll(new EnrollRequest(token.strip(),
                    new HostViews(Platforms.current(), Clock.systemUTC()).current()));
        } catch (ServerRefusedException | ReEnrollRequiredException e) {
            err.println("caart-agent enroll: " + refusal(e));
            return ExitCode.REFUSED;
        } catch (ServerException e) {
            err.println("caart-agent enroll: " + e.getMessage());
            return ExitCode.SERVER_UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("caart-agent enroll: interrupted; nothing was enrolled");
            return ExitCode.SERVER_UNREACHABLE;
        }
        ExitCode saved = save(new AgentIdentity(server.toString(), pin == null ? null : pin.toString(),
                enrolled.agentId(), enrolled.secret(), enrolled.companyId(), enrolled.companyName(),
                enrolled.pollSeconds()), directories, arguments.option("--state-dir"), out, err);
        if (saved == ExitCode.OK && arguments.flag("--allow-remediation")) {
            return allowRemediation(directories, out, err);
        }
        return saved;
    }

    private static ExitCode allowRemediation(AgentDirectories directories, PrintStream out, PrintStream err) {
        try {
            RemediationSettings.allowIn(directories.configFile());
            out.println("Remediation orders from the server are allowed on this host (allow-remediation=true in "
                    + directories.configFile() + ")");
            return ExitCode.OK;
        } catch (IOException | RuntimeException e) {
            err.println("caart-agent enroll: enrolled, but cannot write allow-remediation=true into "
                    + directories.configFile() + ": " + e.getMessage() + "; add the line yourself");
            return ExitCode.USAGE;
        }
    }

    private static ExitCode save(AgentIdentity identity, AgentDirectories directories, String stateDirOption,
            PrintStream out, PrintStream err) {
        Path file = directories.identityFile();
        try {
            if (!identity.write(file)) {
                err.println("caart-agent enroll: warning: could not restrict " + file + " to this user; it holds the"
                        + " agent's secret: protect it yourself");
            }
        } catch (IOException e) {
            err.println("caart-agent enroll: enrolled as " + identity.agentId() + " but cannot write " + file + ": "
                    + e.getMessage() + "; delete that agent in the portal and enroll again with a new token");
            return ExitCode.USAGE;
        }
        String run = stateDirOption == null ? "caart-agent run" : "caart-agent run --state-dir " + stateDirOption;
        out.println("Enrolled as " + identity.agentId() + " in " + identity.companyName() + "; start `" + run + "`");
        return ExitCode.OK;
    }

    private static String refusal(ServerException e) {
        String server = e instanceof ServerRefusedException refused && refused.detail() != null
                ? " (server: " + refused.detail() + ")" : "";
        int status = e instanceof ServerRefusedException refused ? refused.status() : 401;
        return switch (status) {
            case 401 -> "the enrollment token is not valid" + server;
            case 410 -> "the enrollment token has expired: create a new one in the portal" + server;
            case 409 -> "the enrollment token was already used: create a new one in the portal" + server;
            default -> "the server refused the enrollment: " + e.getMessage();
        };
    }

    private static URI server(String url) throws UsageException {
        if (url == null) {
            throw new UsageException("--server is required, e.g. --server https://caart.example.com");
        }
        try {
            return ServerClient.serverUri(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static PinnedCertificate pin(String hex, URI server) throws UsageException {
        if (hex == null) {
            return null;
        }
        if (!server.getScheme().equalsIgnoreCase("https")) {
            throw new UsageException("--pin-sha256 needs an https:// server");
        }
        try {
            return PinnedCertificate.parse(hex);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
