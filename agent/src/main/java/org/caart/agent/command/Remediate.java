package org.caart.agent.command;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.caart.agent.ExitCode;
import org.caart.agent.check.Check;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyCatalog;
import org.caart.agent.check.PolicyException;
import org.caart.agent.config.AgentDirectories;
import org.caart.agent.config.AgentIdentity;
import org.caart.agent.platform.RemediationHosts;
import org.caart.agent.remediation.CatalogEntries;
import org.caart.agent.remediation.Journal;
import org.caart.agent.remediation.Pause;
import org.caart.agent.remediation.RemediationException;
import org.caart.agent.remediation.RemediationSettings;
import org.caart.agent.remediation.Remediator;
import org.caart.agent.remediation.ServerProbe;
import org.caart.agent.transport.HttpProbe;
import org.caart.agent.transport.Json;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationItemOrder;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationReportView;

/**
 * {@code remediate plan|apply|rollback|recover|list}: the remediation of {@code caart-agent run}'s server orders,
 * from the command line against this host (or a fixture tree with {@code --root}), with the same catalog, journal,
 * dead-man check and refusal rules.
 */
public final class Remediate implements Command {

    @Override
    public String name() {
        return "remediate";
    }

    @Override
    public String summary() {
        return "plan, apply or roll back fixes for failing checks (journaled, re-checked)";
    }

    @Override
    public String help() {
        return """
                Usage: caart-agent remediate plan|apply --policy POLICY [CHECK...] [options]
                       caart-agent remediate rollback --order ORDER_ID [CHECK...] [options]
                       caart-agent remediate recover|list [options]

                plan      shows per check the observed value, the value its fix sets and its flags; changes nothing
                apply     fixes the checks (all checks of POLICY when none are given) and re-checks each; prints
                          the order id to roll back with
                rollback  puts back the exact before values order ORDER_ID journaled (all its checks by default)
                recover   finishes or reverts an order the agent was stopped in (every remediate command does this
                          first)
                list      the orders in this host's journal

                apply and rollback need allow-remediation=true in agent.properties (see docs/remediation.md).

                  --policy POLICY        a policy file or a built-in policy name (see 'caart-agent policies')
                  --order ORDER_ID       the order to roll back
                  --root DIR             change the fixture tree DIR instead of this host
                  --state-dir DIR        where the journal is kept (default: see docs; also CAART_AGENT_STATE_DIR)
                  --probe-url URL        dead-man check: the address to reach after a change to remote access
                                         (default: the server this agent enrolled with)
                  --no-dead-man          change remote access without a dead-man check (you watch it yourself)
                  --dead-man-seconds N   how long to try reaching the server before reverting (default 120)
                  --settle-seconds N     wait N seconds before every re-check
                  --json FILE            also write the final report as JSON

                Exit codes: 0 done (every item fixed, not needed, planned or rolled back), 1 some item failed,
                            2 usage error, unknown policy or check, 3 some checks need manual remediation,
                            5 refused: this host does not allow remediation.""";
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = Arguments.parse(args, Set.of("--policy", "--order", "--root", "--state-dir",
                "--probe-url", "--dead-man-seconds", "--settle-seconds", "--json"), Set.of("--no-dead-man"));
        if (arguments.positional().isEmpty()) {
            throw new UsageException("say what to do: plan, apply, rollback, recover or list");
        }
        String verb = arguments.positional().get(0);
        if (!List.of("plan", "apply", "rollback", "recover", "list").contains(verb)) {
            throw new UsageException("unknown action '" + verb + "': use plan, apply, rollback, recover or list");
        }
        List<String> checks = arguments.positional().subList(1, arguments.positional().size());
        AgentDirectories directories = AgentDirectories.current().withState(arguments.option("--state-dir"));
        String root = Path.of(Optional.ofNullable(arguments.option("--root")).orElse("/")).toAbsolutePath().toString();
        if (arguments.option("--root") != null && !Files.isDirectory(Path.of(root))) {
            throw new UsageException("--root " + arguments.option("--root") + " is not a folder");
        }
        Remediator remediator;
        try {
            remediator = remediator(arguments, directories, out);
        } catch (IOException e) {
            err.println("caart-agent remediate: " + e.getMessage());
            return ExitCode.USAGE;
        }
        try {
            recoverFirst(remediator, out);
            return switch (verb) {
                case "plan", "apply" -> order(remediator, verb, arguments, checks, root, out, err);
                case "rollback" -> rollback(remediator, arguments, checks, out, err);
                case "recover" -> ExitCode.OK;
                default -> list(remediator, out);
            };
        } catch (RemediationException e) {
            err.println("caart-agent remediate: " + e.getMessage());
            return ExitCode.FAILED;
        }
    }

    private static ExitCode order(Remediator remediator, String verb, Arguments arguments, List<String> checks,
            String root, PrintStream out, PrintStream err) throws UsageException {
        String policyName = arguments.option("--policy");
        if (policyName == null) {
            throw new UsageException("--policy is required for " + verb);
        }
        Policy policy;
        try {
            policy = PolicyCatalog.find(policyName, AgentDirectories.current().policies());
        } catch (PolicyException e) {
            err.println("caart-agent remediate: " + e.getMessage());
            return ExitCode.USAGE;
        }
        String policyId = Files.isRegularFile(Path.of(policyName)) ? Path.of(policyName).toAbsolutePath().toString()
                : policy.id();
        List<String> ids = checks.isEmpty() ? policy.checks().stream().map(c -> c.info().id()).toList() : checks;
        List<String> unknown = ids.stream().filter(id -> policy.checks().stream().map(Check::info)
                .noneMatch(i -> i.id().equals(id))).toList();
        if (!unknown.isEmpty()) {
            err.println("caart-agent remediate: policy " + policy.id() + " has no check " + String.join(", ", unknown)
                    + "; nothing was changed");
            return ExitCode.USAGE;
        }
        List<RemediationItemOrder> items = new ArrayList<>();
        ids.forEach(id -> items.add(new RemediationItemOrder(id, id, policyId)));
        RemediationOrderView order = new RemediationOrderView(UUID.randomUUID().toString(),
                verb.equals("plan") ? RemediationAction.PLAN : RemediationAction.APPLY, null, items, List.of());
        if (order.action() == RemediationAction.APPLY) {
            out.println("Order " + order.orderId() + " (roll back with: caart-agent remediate rollback --order "
                    + order.orderId() + ")");
        }
        return finish(remediator.execute(order, root, "cli"), arguments, out, err);
    }

    private static ExitCode rollback(Remediator remediator, Arguments arguments, List<String> checks, PrintStream out,
            PrintStream err) throws UsageException {
        String original = arguments.option("--order");
        if (original == null) {
            throw new UsageException("--order ORDER_ID is required for rollback (see 'caart-agent remediate list')");
        }
        Optional<RemediationOrderView> order = remediator.rollbackOrder(original, checks);
        if (order.isEmpty()) {
            err.println("caart-agent remediate: this host's journal has no order " + original);
            return ExitCode.USAGE;
        }
        String root = remediator.root(original).orElse("/");
        return finish(remediator.execute(order.get(), root, "cli"), arguments, out, err);
    }

    private static ExitCode list(Remediator remediator, PrintStream out) {
        for (RemediationReportView order : remediator.orders()) {
            out.println(order.orderId() + "  " + order.action() + (order.finished() ? "" : "  (unfinished)"));
            RemediationTable.items(order, out);
        }
        return ExitCode.OK;
    }

    private static ExitCode finish(RemediationReportView report, Arguments arguments, PrintStream out,
            PrintStream err) {
        RemediationTable.print(report, out);
        String json = arguments.option("--json");
        if (json != null) {
            try {
                Files.write(Path.of(json), Json.write(report));
            } catch (IOException e) {
                err.println("caart-agent remediate: cannot write " + json + ": " + e.getMessage());
                return ExitCode.INCOMPLETE;
            }
        }
        return RemediationTable.exitCode(report);
    }

    private static void recoverFirst(Remediator remediator, PrintStream out) {
        for (RemediationReportView recovered : remediator.recover()) {
            out.println("Recovered order " + recovered.orderId() + ", which the agent was stopped in:");
            RemediationTable.print(recovered, out);
        }
    }

    private static Remediator remediator(Arguments arguments, AgentDirectories directories, PrintStream out)
            throws IOException, UsageException {
        RemediationSettings settings = RemediationSettings.load(directories.configFile());
        if (arguments.option("--dead-man-seconds") != null) {
            settings = settings.withDeadMan(Duration.ofSeconds(seconds(arguments, "--dead-man-seconds", 1)));
        }
        if (arguments.option("--settle-seconds") != null) {
            settings = settings.withSettle(Duration.ofSeconds(seconds(arguments, "--settle-seconds", 0)));
        }
        return new Remediator(new Journal(directories.state()), RemediationHosts::forRoot, settings,
                probe(arguments, directories), Clock.systemUTC(), Pause.real(), report -> { },
                CatalogEntries.withLocal(directories.config()));
    }

    private static ServerProbe probe(Arguments arguments, AgentDirectories directories) throws IOException,
            UsageException {
        if (arguments.flag("--no-dead-man")) {
            return timeout -> true;
        }
        if (arguments.option("--probe-url") != null) {
            try {
                return new HttpProbe(URI.create(arguments.option("--probe-url")), null);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--probe-url is not a URL: " + e.getMessage());
            }
        }
        return AgentIdentity.read(directories.identityFile()).<ServerProbe>map(HttpProbe::of).orElse(null);
    }

    private static int seconds(Arguments arguments, String option, int minimum) throws UsageException {
        try {
            int seconds = Integer.parseInt(arguments.option(option));
            if (seconds >= minimum && seconds <= 3600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a whole number of seconds from " + minimum + " to 3600");
    }
}
