package org.caart.agent.check.sca;

import java.util.List;
import java.util.Optional;

import org.caart.agent.check.Host;
import org.caart.agent.check.LocalHost;
import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.RegistryAccess;
import org.caart.agent.platform.common.RegistryValue;

/**
 * {@code r:KEY[ -> NAME[ -> CONTENT]]}: the key exists; a sub-key or value called NAME (or matching
 * {@code r:NAME}) exists; or value NAME matches CONTENT (a literal compares case-insensitively).
 * A missing key or value with a pattern is "invalid", as in Wazuh.
 */
final class RegistryRule extends Rule {

    static final String ONLY_WINDOWS = "registry rules apply only to Windows";

    private final String key;
    private final Content name;
    private final String valueName;
    private final Content content;

    private RegistryRule(String text, boolean negated, String key, Content name, String valueName, Content content) {
        super(text, negated);
        this.key = key;
        this.name = name;
        this.valueName = valueName;
        this.content = content;
    }

    static RegistryRule parse(String text, boolean negated, String key, String pattern, RegexDialect dialect,
                              ScaVersion version) throws UnsupportedRegexException {
        if (pattern == null) {
            return new RegistryRule(text, negated, key.strip(), null, null, null);
        }
        int arrow = pattern.indexOf(" -> ");
        if (arrow < 0) {
            return new RegistryRule(text, negated, key.strip(), Content.parse(pattern, dialect), null, null);
        }
        return new RegistryRule(text, negated, key.strip(), null, pattern.substring(0, arrow),
                Content.parse(pattern.substring(arrow + 4), dialect, version));
    }

    @Override
    RuleType type() {
        return RuleType.REGISTRY;
    }

    @Override
    RuleResult test(Host host) {
        RegistryAccess registry = host.platform().family() == OsFamily.WINDOWS ? host.platform().registry() : null;
        if (registry == null || !registry.available()) {
            return RuleResult.invalid(ONLY_WINDOWS);
        }
        try {
            boolean exists = registry.keyExists(key);
            if (name == null && valueName == null) {
                return RuleResult.of(exists, (exists ? "key exists: " : "key not found: ") + key);
            }
            if (!exists) {
                return RuleResult.invalid("registry key not found: " + key);
            }
            return valueName != null ? testValue(registry) : testName(registry);
        } catch (PlatformException e) {
            return RuleResult.error("cannot read registry key " + key + ": " + e.getMessage());
        }
    }

    private RuleResult testValue(RegistryAccess registry) {
        Optional<RegistryValue> value = registry.value(key, valueName);
        if (value.isEmpty()) {
            return RuleResult.invalid("registry value not found: " + key + " -> " + valueName);
        }
        String text = String.join("\n", value.get().strings());
        String observed = valueName + " = " + value.get().text();
        if (content.literal()) {
            return RuleResult.of(text.equalsIgnoreCase(content.text()), observed);
        }
        return RuleResult.of(content.matchLines(LocalHost.lines(text)).matched(), observed);
    }

    private RuleResult testName(RegistryAccess registry) {
        for (List<String> names : List.of(registry.subKeys(key), registry.valueNames(key))) {
            for (String candidate : names) {
                boolean match = name.literal() ? candidate.equalsIgnoreCase(name.text())
                        : name.matchLines(List.of(candidate)).matched();
                if (match) {
                    return RuleResult.found("found: " + key + "\\" + candidate);
                }
            }
        }
        return RuleResult.notFound("no sub-key or value of " + key + " matches " + name.text());
    }
}
