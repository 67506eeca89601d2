package org.caart.agent.check.sca;

/** The SCA rule types, by their prefix. */
enum RuleType {
    FILE("f"), DIRECTORY("d"), COMMAND("c"), REGISTRY("r"), PROCESS("p");

    private final String prefix;

    RuleType(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    static RuleType ofPrefix(String prefix) {
        for (RuleType type : values()) {
            if (type.prefix.equals(prefix)) {
                return type;
            }
        }
        return null;
    }
}
