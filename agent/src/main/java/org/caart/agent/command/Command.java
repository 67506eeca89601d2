package org.caart.agent.command;

import java.io.PrintStream;
import java.util.List;

import org.caart.agent.ExitCode;

/** One verb of {@code caart-agent}. */
public interface Command {

    String name();

    String summary();

    String help();

    ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
}
