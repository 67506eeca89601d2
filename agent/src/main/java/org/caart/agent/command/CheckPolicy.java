package org.caart.agent.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.caart.agent.ExitCode;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyCatalog;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.Unsupported;

/** {@code check-policy FILE}: parses a policy and lists what the agent cannot evaluate, running nothing. */
public final class CheckPolicy implements Command {

    @Override
    public String name() {
        return "check-policy";
    }

    @Override
    public String summary() {
        return "parse a policy file and list unsupported constructs (runs nothing)";
    }

    @Override
    public String help() {
        return """
                Usage: caart-agent check-policy FILE

                Parses FILE (CAaRT or Wazuh SCA) without running anything, prints its format and number
                of checks, and lists every construct the agent cannot evaluate exactly (those checks
                would come back NOT APPLICABLE with the reason). Exit code 2 when the file is unusable.""";
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        List<String> files = Arguments.parse(args, Set.of(), Set.of()).positional();
        if (files.size() != 1) {
            throw new UsageException("give exactly one policy file");
        }
        Policy policy;
        try {
            policy = PolicyCatalog.read(Path.of(files.get(0)));
        } catch (PolicyException e) {
            err.println("caart-agent check-policy: " + e.getMessage());
            return ExitCode.USAGE;
        }
        out.println("Policy:  " + policy.name() + " (" + policy.id() + ")");
        out.println("Format:  " + policy.format());
        out.println("Checks:  " + policy.checks().size());
        if (policy.requirementsText() != null && !policy.requirementsText().isBlank()) {
            out.println("Requires: " + policy.requirementsText());
        }
        out.println("Unsupported constructs: " + policy.unsupported().size());
        for (Unsupported unsupported : policy.unsupported()) {
            out.println("  check " + unsupported.checkId() + ": " + unsupported.construct());
            out.println("      " + unsupported.reason());
        }
        return ExitCode.OK;
    }
}
