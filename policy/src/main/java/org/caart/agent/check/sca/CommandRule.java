package org.caart.agent.check.sca;

import org.caart.agent.check.CommandRun;
import org.caart.agent.check.Host;
import org.caart.agent.check.LocalHost;

/**
 * {@code c:COMMAND[ -> CONTENT]}: the command runs (without content), or its output (stderr merged,
 * leading and trailing newlines trimmed) matches: line by line, except a 5.x literal, which compares the whole
 * output. A command that is not found is "invalid", as in Wazuh.
 */
final class CommandRule extends Rule {

    static final String REFUSED = org.caart.contract.agent.v1.CheckResultView.COMMANDS_REFUSED;

    private final String command;
    private final Content content;

    CommandRule(String text, boolean negated, String command, Content content) {
        super(text, negated);
        this.command = command.strip();
        this.content = content;
    }

    @Override
    RuleType type() {
        return RuleType.COMMAND;
    }

    @Override
    RuleResult test(Host host) {
        if (!host.commandsAllowed()) {
            return RuleResult.notRun(REFUSED);
        }
        CommandRun run = host.run(command);
        if (run.notFound()) {
            return RuleResult.invalid("command not found: " + command);
        }
        if (run.timedOut()) {
            return RuleResult.error("command timed out: " + command + " (" + run.error() + ")");
        }
        if (!run.ran()) {
            return RuleResult.error("command failed to run: " + command + ": " + run.error());
        }
        String exit = "exit code " + run.exitCode();
        if (content == null) {
            return RuleResult.found("command ran, " + exit);
        }
        String output = trimNewlines(run.output());
        if (content.literal()) {
            boolean equal = output.equals(content.text());
            return RuleResult.of(equal, exit + "; output " + (equal ? "equals" : "differs from") + " '" + content.text() + "'");
        }
        Content.Match match = content.matchLines(LocalHost.lines(output));
        return RuleResult.of(match.matched(), exit + "; " + match.evidence());
    }

    static String trimNewlines(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '\n') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(start, end);
    }
}
