package org.caart.agent.command;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.caart.agent.ExitCode;
import org.caart.agent.Main;
import org.caart.agent.platform.ServiceBody;
import org.caart.agent.platform.ServiceDefinition;
import org.caart.agent.platform.ServiceException;
import org.caart.agent.platform.SystemServices;

/**
 * {@code service install|remove|run}: the agent as a Windows service, registered with the Service Control Manager
 * (no wrapper program). {@code install} registers {@code java -jar caart-agent.jar service run} of this very runtime
 * and jar, as LocalSystem, started automatically and restarted after a failure; the service manager then starts
 * {@code service run}, which works like {@code run} and stops cleanly when the service is stopped.
 */
public final class Service implements Command {

    static final String NAME = "caart-agent";
    static final String DISPLAY_NAME = "CAaRT agent";
    static final String DESCRIPTION = "Runs the configuration audits the CAaRT server orders and sends the results.";
    static final List<String> JVM_OPTIONS = List.of("-Xmx64m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto");

    private final Supplier<SystemServices> services;
    private final Map<String, String> env;
    private final Supplier<Path> java;
    private final Supplier<Path> jar;
    private final Supplier<Run> runs;

    public Service() {
        this(SystemServices::current, System.getenv(), Service::currentJava, Service::currentJar, Run::new);
    }

    Service(Supplier<SystemServices> services, Map<String, String> env, Supplier<Path> java, Supplier<Path> jar,
            Supplier<Run> runs) {
        this.services = services;
        this.env = env;
        this.java = java;
        this.jar = jar;
        this.runs = runs;
    }

    @Override
    public String name() {
        return "service";
    }

    @Override
    public String summary() {
        return "install or remove the agent as a Windows service";
    }

    @Override
    public String help() {
        return """
                Usage: caart-agent service install [--state-dir DIR] [--config-dir DIR]
                       caart-agent service remove
                       caart-agent service run [--state-dir DIR]      (started by the service manager)

                install registers the Windows service "caart-agent" (CAaRT agent): this Java runtime runs
                this jar with 'service run' as LocalSystem, starts automatically and is restarted a minute
                after a failure. Enroll first with the same --state-dir. From an elevated prompt.
                  --state-dir DIR    identity and spool (default %ProgramData%\\CAaRT\\agent)
                  --config-dir DIR   agent.properties and policies\\ (default %ProgramData%\\CAaRT\\config)
                remove stops the service and deletes it; the state folder stays.

                Exit codes: 0 done, 2 usage error, or the service manager refused (a sentence says why).""";
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = Arguments.parse(args, Set.of("--state-dir", "--config-dir"), Set.of());
        if (arguments.positional().size() != 1) {
            throw new UsageException("give one of install, remove, run");
        }
        String action = arguments.positional().get(0);
        try {
            return switch (action) {
                case "install" -> install(arguments, out);
                case "remove" -> remove(out);
                case "run" -> serve(arguments, out, err);
                default -> throw new UsageException("unknown action '" + action + "' (install, remove or run)");
            };
        } catch (ServiceException e) {
            err.println("caart-agent service " + action + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
    }

    private ExitCode install(Arguments arguments, PrintStream out) {
        Path state = directory(arguments.option("--state-dir"), "agent");
        Path config = directory(arguments.option("--config-dir"), "config");
        ServiceDefinition definition = new ServiceDefinition(NAME, DISPLAY_NAME, DESCRIPTION,
                commandLine(state, config));
        services.get().install(definition);
        out.println("Installed the service " + NAME + " (" + DISPLAY_NAME + "): " + definition.commandLine());
        out.println("Start it with: sc start " + NAME);
        return ExitCode.OK;
    }

    /** The service's command line: this runtime, the launcher's JVM options, this jar, 'service run'. */
    String commandLine(Path state, Path config) {
        List<String> argv = new ArrayList<>();
        argv.add(java.get().toString());
        argv.addAll(JVM_OPTIONS);
        argv.add("-Dcaart.config.dir=" + config);
        argv.add("-jar");
        argv.add(jar.get().toString());
        argv.addAll(List.of("service", "run", "--state-dir", state.toString()));
        return WindowsCommandLine.join(argv);
    }

    private Path directory(String option, String name) {
        if (option != null) {
            return Path.of(option).toAbsolutePath();
        }
        return Path.of(env.getOrDefault("ProgramData", "C:\\ProgramData"), "CAaRT", name);
    }

    private ExitCode remove(PrintStream out) {
        services.get().remove(NAME);
        out.println("Removed the service " + NAME + "; its state folder stays.");
        return ExitCode.OK;
    }

    /** Runs {@code run --state-dir DIR} under the service manager; its stop request becomes the agent's shutdown. */
    private ExitCode serve(Arguments arguments, PrintStream out, PrintStream err) {
        List<String> runArguments = new ArrayList<>();
        if (arguments.option("--state-dir") != null) {
            runArguments.addAll(List.of("--state-dir", arguments.option("--state-dir")));
        }
        AtomicReference<ExitCode> result = new AtomicReference<>(ExitCode.OK);
        services.get().runAsService(NAME, new AgentBody(runs.get(), runArguments, out, err, result));
        return result.get();
    }

    /** The agent's run loop as a service body: stop() is the same orderly shutdown as SIGTERM. */
    static final class AgentBody implements ServiceBody {
        private final Run run;
        private final List<String> arguments;
        private final PrintStream out;
        private final PrintStream err;
        private final AtomicReference<ExitCode> result;

        AgentBody(Run run, List<String> arguments, PrintStream out, PrintStream err, AtomicReference<ExitCode> result) {
            this.run = run;
            this.arguments = arguments;
            this.out = out;
            this.err = err;
            this.result = result;
        }

        @Override
        public int run() {
            try {
                result.set(run.run(arguments, out, err));
            } catch (UsageException e) {
                err.println("caart-agent service run: " + e.getMessage());
                result.set(ExitCode.USAGE);
            }
            return result.get().code();
        }

        @Override
        public void stop() {
            run.stop();
        }
    }

    private static Path currentJava() {
        return ProcessHandle.current().info().command().map(Path::of).orElse(Path.of("java"));
    }

    private static Path currentJar() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException e) {
            throw new IllegalStateException("cannot tell where caart-agent.jar is: " + e.getMessage(), e);
        }
    }
}
