package org.caart.agent.check.sca;

import java.util.List;

import org.caart.agent.check.Check;
import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;

/** One check of a Wazuh SCA policy: its rules and the condition that combines them. */
final class ScaCheck implements Check {

    private final CheckInfo info;
    private final Condition condition;
    private final List<Rule> rules;
    private final String conditionProblem;

    ScaCheck(CheckInfo info, Condition condition, List<Rule> rules, String conditionProblem) {
        this.info = info;
        this.condition = condition;
        this.rules = List.copyOf(rules);
        this.conditionProblem = conditionProblem;
    }

    @Override
    public CheckInfo info() {
        return info;
    }

    @Override
    public Outcome evaluate(Host host) {
        if (condition == null) {
            return Outcome.notApplicable("unsupported: " + conditionProblem);
        }
        return condition.evaluate(rules, host);
    }

    /** Commands cost far more than file reads; checks that run them are started first. */
    @Override
    public int cost() {
        int cost = 1;
        for (Rule rule : rules) {
            cost += rule.type() == RuleType.COMMAND ? 20 : 1;
        }
        return cost;
    }

    @Override
    public boolean runsCommands() {
        return rules.stream().anyMatch(rule -> rule.type() == RuleType.COMMAND);
    }

    List<Rule> rules() {
        return rules;
    }
}
