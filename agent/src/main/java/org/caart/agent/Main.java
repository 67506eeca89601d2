package org.caart.agent;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.caart.agent.command.CheckPolicy;
import org.caart.agent.command.Command;
import org.caart.agent.command.Enroll;
import org.caart.agent.command.Policies;
import org.caart.agent.command.Remediate;
import org.caart.agent.command.Run;
import org.caart.agent.command.Scan;
import org.caart.agent.command.UsageException;

/** {@code caart-agent VERB [options]}: audits this host against CIS policies, alone or for a CAaRT server. */
public final class Main {

    private static final List<Command> COMMANDS = List.of(new Scan(), new Policies(), new CheckPolicy(),
            new Enroll(), new Run(), new Remediate());

    /** One line per log record (the service's journal), unless the user configured logging. */
    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "%1$tF %1$tT %4$s %5$s%6$s%n");
        }
        System.exit(run(System.out, System.err, args));
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? ExitCode.USAGE.code() : ExitCode.OK.code();
        }
        Command command = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            err.println("caart-agent: unknown command '" + args[0] + "'");
            usage(err);
            return ExitCode.USAGE.code();
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.help());
            return ExitCode.OK.code();
        }
        try {
            return command.run(rest, out, err).code();
        } catch (UsageException e) {
            err.println("caart-agent " + command.name() + ": " + e.getMessage());
            err.println("Try 'caart-agent " + command.name() + " --help'.");
            return ExitCode.USAGE.code();
        }
    }

    private static void usage(PrintStream stream) {
        stream.println("Usage: caart-agent COMMAND [options]   (caart-agent COMMAND --help for details)");
        stream.println();
        for (Command command : COMMANDS) {
            stream.printf("  %-13s %s%n", command.name(), command.summary());
        }
        stream.println();
        stream.println("Exit codes: 0 nothing failed, 1 a check failed, 2 usage or policy error,");
        stream.println("            3 no failure but some checks ended in error or were not run,");
        stream.println("            4 server unreachable, 5 refused by the server, 6 not enrolled or revoked.");
    }
}
