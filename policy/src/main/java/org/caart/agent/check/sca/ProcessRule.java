package org.caart.agent.check.sca;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.caart.agent.check.Host;
import org.caart.agent.platform.common.ProcessInfo;

/** {@code p:NAME}: a running process has exactly this name. The process list is read once per host. */
final class ProcessRule extends Rule {

    private static final Map<Host, List<ProcessInfo>> PROCESSES = Collections.synchronizedMap(new WeakHashMap<>());

    private final String name;

    ProcessRule(String text, boolean negated, String name) {
        super(text, negated);
        this.name = name.strip();
    }

    @Override
    RuleType type() {
        return RuleType.PROCESS;
    }

    @Override
    RuleResult test(Host host) {
        List<ProcessInfo> processes = PROCESSES.computeIfAbsent(host, h -> h.platform().processes());
        for (ProcessInfo process : processes) {
            if (name.equals(process.name())) {
                return RuleResult.found("process running: " + process.name() + " (pid " + process.pid() + ")");
            }
        }
        return RuleResult.notFound("no process named " + name + " among " + processes.size());
    }
}
