package org.caart.agent.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.caart.agent.ExitCode;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyCatalog;
import org.caart.agent.check.PolicyException;
import org.caart.agent.config.AgentDirectories;

/** {@code policies}: lists the built-in policies and the policy files in the agent's policy folder. */
public final class Policies implements Command {

    @Override
    public String name() {
        return "policies";
    }

    @Override
    public String summary() {
        return "list built-in policies and the policy files in the agent's policy folder";
    }

    @Override
    public String help() {
        return """
                Usage: caart-agent policies

                Lists the built-in policies (scan them by name) and the policy files in the agent's
                policy folder, with their id, format and number of checks.""";
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (!Arguments.parse(args, Set.of(), Set.of()).positional().isEmpty()) {
            throw new UsageException("takes no arguments");
        }
        boolean broken = false;
        out.println("Built-in policies:");
        for (String name : PolicyCatalog.builtinNames()) {
            try {
                out.println("  " + describe(name, PolicyCatalog.builtin(name).orElseThrow()));
            } catch (PolicyException e) {
                out.println("  " + name + "  UNREADABLE: " + e.getMessage());
                broken = true;
            }
        }
        Path folder = AgentDirectories.current().policies();
        out.println("Policy folder " + folder + ":");
        List<Path> files = files(folder);
        if (files.isEmpty()) {
            out.println("  (no policy files)");
        }
        for (Path file : files) {
            try {
                out.println("  " + describe(file.getFileName().toString(), PolicyCatalog.read(file)));
            } catch (PolicyException e) {
                out.println("  " + file.getFileName() + "  UNREADABLE: " + e.getMessage());
                broken = true;
            }
        }
        return broken ? ExitCode.USAGE : ExitCode.OK;
    }

    private static String describe(String name, Policy policy) {
        return String.format("%-28s %-12s %4d checks  %s", name, policy.format(), policy.checks().size(), policy.name());
    }

    private static List<Path> files(Path folder) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.{yml,yaml,json}")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            return files;
        }
        files.sort(null);
        return files;
    }
}
