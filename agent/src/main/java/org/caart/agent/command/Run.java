package org.caart.agent.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.caart.agent.ExitCode;
import org.caart.agent.config.AgentConfig;
import org.caart.agent.config.AgentDirectories;
import org.caart.agent.config.AgentIdentity;
import org.caart.agent.platform.Platforms;
import org.caart.agent.platform.RemediationHosts;
import org.caart.agent.remediation.CatalogEntries;
import org.caart.agent.remediation.Journal;
import org.caart.agent.remediation.Pause;
import org.caart.agent.remediation.RemediationSettings;
import org.caart.agent.remediation.Remediator;
import org.caart.agent.transport.HttpProbe;
import org.caart.agent.run.Agent;
import org.caart.agent.run.Signals;
import org.caart.agent.run.StateLock;
import org.caart.agent.transport.Backoff;
import org.caart.agent.transport.Spool;

/** {@code run}: works for the server this agent enrolled with: heartbeats, audit orders, results. */
public final class Run implements Command {

    static final String MAX_BACKOFF_VARIABLE = "CAART_AGENT_MAX_BACKOFF_SECONDS";
    static final int MAX_BACKOFF_LIMIT = 3600;
    static final String REVOKED = "This agent was revoked or is unknown to the server; enroll it again with"
            + " `caart-agent enroll`";

    private final Map<String, String> env;

    public Run() {
        this(System.getenv());
    }

    Run(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "work for the CAaRT server: run the audits it orders and send the results";
    }

    @Override
    public String help() {
        return """
                Usage: caart-agent run [--state-dir DIR] [--once] [--max-backoff SECONDS]

                Connects to the server this agent enrolled with (DIR/agent.json), sends a heartbeat every
                minute, waits for audit orders, runs them one at a time and streams the results; carries out
                remediation orders where agent.properties says allow-remediation=true (docs/remediation.md). Results the
                server cannot take are kept in DIR/spool and resent later. Stops cleanly on SIGTERM or Ctrl+C
                (the current check finishes and its results are kept).

                  --state-dir DIR   the agent's identity and spool (default: see docs; also CAART_AGENT_STATE_DIR)
                  --once            one heartbeat and one poll, run what was ordered, send the spool, exit
                  --max-backoff SECONDS
                                    longest wait between retries while the server is unreachable, 1 to 3600
                                    (default 300; also CAART_AGENT_MAX_BACKOFF_SECONDS)

                Exit codes: 0 stopped or done, 2 usage error, 4 server unreachable or results left in the spool
                            (--once), 6 not enrolled, or revoked: enroll again.""";
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = Arguments.parse(args, Set.of("--state-dir", "--max-backoff"), Set.of("--once"));
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("takes no positional arguments");
        }
        Backoff backoff = backoff(arguments.option("--max-backoff"));
        AgentDirectories directories = AgentDirectories.current().withState(arguments.option("--state-dir"));
        try {
            Optional<AgentIdentity> identity = AgentIdentity.read(directories.identityFile());
            if (identity.isEmpty()) {
                err.println("caart-agent run: this agent is not enrolled (no " + directories.identityFile()
                        + "); enroll it with `caart-agent enroll --server URL --token TOKEN`");
                return ExitCode.ENROLL_AGAIN;
            }
            AgentConfig config = AgentConfig.load(directories.configFile());
            Optional<StateLock> lock = StateLock.acquire(directories.state());
            if (lock.isEmpty()) {
                err.println("caart-agent run: another caart-agent run is using " + directories.state());
                return ExitCode.USAGE;
            }
            try (StateLock held = lock.get()) {
                return run(identity.get(), config, directories, backoff, arguments.flag("--once"), out, err);
            }
        } catch (IOException | IllegalArgumentException e) {
            return unusableState(e, err);
        }
    }

    /** A state or configuration file that cannot be used: says why (and what to do when it is another user's). */
    static ExitCode unusableState(Exception e, PrintStream err) {
        if (e instanceof AccessDeniedException denied) {
            err.println("caart-agent run: cannot read or write " + denied.getFile() + ": permission denied; run the"
                    + " agent as the user that enrolled it");
        } else {
            err.println("caart-agent run: " + e.getMessage());
        }
        return ExitCode.USAGE;
    }

    /** The back-off capped by --max-backoff, else by the environment variable, else the standard one. */
    Backoff backoff(String option) throws UsageException {
        String name = option != null ? "--max-backoff" : MAX_BACKOFF_VARIABLE;
        String value = option != null ? option : env.get(MAX_BACKOFF_VARIABLE);
        if (value == null || option == null && value.isBlank()) {
            return Backoff.standard();
        }
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds >= 1 && seconds <= MAX_BACKOFF_LIMIT) {
                return Backoff.upTo(Duration.ofSeconds(seconds));
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        throw new UsageException(name + " must be a whole number of seconds from 1 to " + MAX_BACKOFF_LIMIT
                + ", not '" + value + "'");
    }

    private static ExitCode run(AgentIdentity identity, AgentConfig config, AgentDirectories directories,
            Backoff backoff, boolean once, PrintStream out, PrintStream err) throws IOException {
        Spool spool = new Spool(directories.spool(), config.spoolMaxBatches());
        RemediationSettings remediation = RemediationSettings.load(directories.configFile());
        CatalogEntries entries = CatalogEntries.withLocal(directories.config());
        Journal journal = new Journal(directories.state());
        HttpProbe probe = HttpProbe.of(identity);
        Agent agent = new Agent(identity, config.allowServerCommands(), spool, Platforms::current, backoff,
                reports -> new Remediator(journal, RemediationHosts::forRoot, remediation, probe, Clock.systemUTC(),
                        Pause.real(), reports, entries));
        out.println("Agent " + identity.agentId() + " of " + identity.companyName() + " working for "
                + identity.server() + (once ? "" : "; stop with Ctrl+C or SIGTERM"));
        ExitCode code = Signals.handling(agent::shutdown, () -> agent.run(once));
        if (code == ExitCode.ENROLL_AGAIN) {
            err.println(REVOKED + agent.revocation().map(e -> " (server: " + e.getMessage() + ")").orElse(""));
        } else if (code != ExitCode.OK) {
            err.println("caart-agent run: " + agent.problem().orElse("the server could not be reached"));
        }
        return code;
    }
}
