package org.caart.agent.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Options ({@code --name value} or {@code --flag}) and positional arguments of one verb. */
final class Arguments {

    private final List<String> positional = new ArrayList<>();
    private final java.util.Map<String, String> options = new java.util.HashMap<>();

    private Arguments() {
    }

    static Arguments parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (valued.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                parsed.options.put(arg, args.get(++i));
            } else if (flags.contains(arg)) {
                parsed.options.put(arg, "true");
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option " + arg);
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    List<String> positional() {
        return positional;
    }

    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }
}
