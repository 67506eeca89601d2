package org.caart.agent.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.caart.agent.ExitCode;
import org.caart.agent.check.LocalHost;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyCatalog;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.ScanStats;
import org.caart.agent.check.Scanner;
import org.caart.agent.config.AgentConfig;
import org.caart.agent.config.AgentDirectories;
import org.caart.agent.platform.Platforms;
import org.caart.contract.agent.v1.ScanReportView;

/** {@code scan POLICY}: audits this host against a policy file or a built-in policy. */
public final class Scan implements Command {

    @Override
    public String name() {
        return "scan";
    }

    @Override
    public String summary() {
        return "audit this host against a policy file or a built-in policy";
    }

    @Override
    public String help() {
        return """
                Usage: caart-agent scan POLICY [--out FILE] [--stats] [--quiet] [--threads N]

                Audits this host against POLICY: a policy file (CAaRT or Wazuh SCA YAML), the name of a
                built-in policy (see 'caart-agent policies') or a file in the agent's policy folder.
                Prints one line per check and a summary.

                  --out FILE    also write the results with their evidence as JSON
                  --stats       print the time spent per rule type and the commands that were not found
                  --quiet       print only the summary
                  --threads N   checks evaluated in parallel (default: min(4, processors))

                Exit codes: 0 nothing failed, 1 a check failed, 2 usage or policy error,
                            3 no failure but some checks ended in error or were not run,
                            7 the policy does not apply to this host (its requirements are not met).""";
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = Arguments.parse(args, Set.of("--out", "--threads"), Set.of("--stats", "--quiet"));
        if (arguments.positional().size() != 1) {
            throw new UsageException("give exactly one policy (a file or a built-in name)");
        }
        AgentDirectories directories = AgentDirectories.current();
        Policy policy;
        AgentConfig config;
        try {
            policy = PolicyCatalog.find(arguments.positional().get(0), directories.policies());
            config = AgentConfig.load(directories.configFile());
        } catch (PolicyException e) {
            err.println("caart-agent scan: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println("caart-agent scan: cannot read " + directories.configFile() + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
        LocalHost host = LocalHost.forPolicy(Platforms.current(), policy.origin(), config.allowServerCommands());
        ScanReportView report = scanner(arguments.option("--threads")).scan(policy, host);
        ScanTable.print(report, policy, out, arguments.flag("--quiet"));
        if (arguments.flag("--stats")) {
            printStats(host.stats(), out);
        }
        String file = arguments.option("--out");
        if (file != null) {
            try {
                ReportJson.write(report, Path.of(file));
            } catch (IOException e) {
                err.println("caart-agent scan: cannot write " + file + ": " + e.getMessage());
                return ExitCode.INCOMPLETE;
            }
        }
        java.util.Optional<String> unmet = Scanner.unmetRequirements(report);
        if (unmet.isPresent()) {
            err.println("caart-agent scan: the policy does not apply to this host: " + unmet.get()
                    + "; nothing was checked");
            return ExitCode.NOT_APPLICABLE;
        }
        return ExitCode.of(report.summary());
    }

    private static Scanner scanner(String threads) throws UsageException {
        if (threads == null) {
            return Scanner.standard();
        }
        try {
            return new Scanner(java.time.Clock.systemDefaultZone(), Integer.parseInt(threads));
        } catch (NumberFormatException e) {
            throw new UsageException("--threads needs a number");
        }
    }

    private static void printStats(ScanStats stats, PrintStream out) {
        out.println();
        out.println("Time per rule type (summed over rules, checks run in parallel):");
        for (Map.Entry<String, ScanStats.Entry> entry : stats.entries().entrySet()) {
            out.printf("  %-4s %5d rules %9.1f ms%n", entry.getKey(), entry.getValue().count(),
                    entry.getValue().nanos() / 1e6);
        }
        out.println("Distinct commands run: " + stats.commandsRun() + "; slowest:");
        stats.slowestCommands(5).forEach(e -> out.printf("  %7.1f ms  %s%n", e.getValue() / 1e6, e.getKey()));
        List<String> missing = stats.missingCommands().stream().sorted().toList();
        out.println("Commands not found: " + missing.size() + (missing.isEmpty() ? "" : " " + missing));
    }
}
