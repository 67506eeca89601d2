package org.caart.agent.check.caart;

import java.util.Locale;
import java.util.Optional;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.RegistryKey;
import org.caart.agent.platform.common.RegistryValue;
import org.caart.agent.platform.common.RegistryValueType;
import org.caart.contract.agent.v1.CheckStatus;

/**
 * A registry value in the 64-bit view; {@code name: ""} is the key's default value. With {@code value-type} a value
 * of another type fails whatever its data: Windows reads a REG_DWORD policy with a type check and ignores a REG_SZ
 * "1" written in its place, so the data alone would give a false pass.
 */
final class RegistryValueCheck extends ValueCheck {

    private final String key;
    private final String name;
    private final RegistryValueType valueType;

    private RegistryValueCheck(CheckInfo info, Fields check, String key, String name) throws PolicyException {
        super(info, "registry-value", OsFamily.WINDOWS, Comparison.read(check), check.choice("missing", Missing.class,
                Missing.FAIL));
        this.key = key;
        this.name = name;
        this.valueType = valueType(check);
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

    /** The optional {@code value-type} field; null when the check compares the data whatever its type. */
    static RegistryValueType valueType(Fields check) throws PolicyException {
        Optional<String> text = check.optionalText("value-type");
        if (text.isEmpty()) {
            return null;
        }
        try {
            RegistryValueType type = RegistryValueType.valueOf(text.get().strip().toUpperCase(Locale.ROOT));
            if (type == RegistryValueType.REG_NONE) {
                throw new IllegalArgumentException("REG_NONE");
            }
            return type;
        } catch (IllegalArgumentException e) {
            throw check.error("value-type", "must be REG_DWORD, REG_QWORD, REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ or"
                    + " REG_BINARY, not '" + text.get() + "'");
        }
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
    String expected() {
        return valueType == null ? super.expected() : super.expected() + " [" + valueType + "]";
    }

    @Override
    Outcome probe(Host host) {
        Optional<RegistryValue> value = host.platform().registry().value(key, name);
        return wrongType(valueType, value, expected()).orElseGet(() -> super.probe(host));
    }

    /** FAILED when a value is present with another type than Windows reads. */
    static Optional<Outcome> wrongType(RegistryValueType valueType, Optional<RegistryValue> value, String expected) {
        if (valueType == null || value.isEmpty() || value.get().type() == valueType) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(CheckStatus.FAILED, "Windows reads this value as " + valueType
                + " and ignores a " + value.get().type() + " value", expected, value.get().text() + " ("
                + value.get().type() + ")"));
    }

    @Override
    Optional<Observation> read(Host host) {
        return host.platform().registry().value(key, name).map(v -> new Observation(v.text(), v.type().name()));
    }
}
