package org.caart.agent.command;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Joins arguments into one Windows command line that {@code CommandLineToArgvW} (and the Java launcher) split back
 * into the same arguments: an argument with a blank or a quote, or an empty one, is quoted; backslashes are doubled
 * where they precede a quote; quotes are escaped.
 */
final class WindowsCommandLine {

    private WindowsCommandLine() {
    }

    static String join(List<String> arguments) {
        return arguments.stream().map(WindowsCommandLine::quote).collect(Collectors.joining(" "));
    }

    static String quote(String argument) {
        if (!argument.isEmpty() && argument.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"')) {
            return argument;
        }
        StringBuilder out = new StringBuilder("\"");
        int backslashes = 0;
        for (char c : argument.toCharArray()) {
            if (c == '\\') {
                backslashes++;
                continue;
            }
            out.append("\\".repeat(c == '"' ? backslashes * 2 + 1 : backslashes)).append(c);
            backslashes = 0;
        }
        return out.append("\\".repeat(backslashes * 2)).append('"').toString();
    }
}
