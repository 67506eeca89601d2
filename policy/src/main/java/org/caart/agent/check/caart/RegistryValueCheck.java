package org.caart.agent.check.caart;

import java.util.Optional;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.RegistryKey;

/** A registry value in the 64-bit view; {@code name: ""} is the key's default value. */
final class RegistryValueCheck extends ValueCheck {

    private final String key;
    private final String name;

    private RegistryValueCheck(CheckInfo info, Fields check, String key, String name) throws PolicyException {
        super(info, "registry-value", OsFamily.WINDOWS, Comparison.read(check), check.choice("missing", Missing.class,
                Missing.FAIL));
        this.key = key;
        this.name = name;
    }

    static RegistryValueCheck read(CheckInfo info, Fields check) throws PolicyException {
        String key = check.text("key");
        try {
            key = RegistryKey.parse(key).toString();
        } catch (IllegalArgumentException e) {
            throw check.error("key", e.getMessage());
        }
        return new RegistryValueCheck(info, check, key, check.optionalText("name")
                .orElseThrow(() -> check.error("name", "is required (\"\" for the default value)")));
    }

    @Override
    String subject() {
        return key + "\\" + (name.isEmpty() ? "(Default)" : name);
    }

    @Override
    String notSet() {
        return "value not present";
    }

    @Override
    Optional<Observation> read(Host host) {
        return host.platform().registry().value(key, name).map(v -> new Observation(v.text(), v.type().name()));
    }
}
