package org.caart.agent.remediation;

import java.util.Arrays;
import java.util.HexFormat;

import org.caart.agent.platform.common.RegistryValue;
import org.caart.agent.platform.common.RegistryValueType;

/**
 * A registry value as journal text, exact enough to write it back: {@code TYPE:data}, numbers in decimal, strings
 * as they are, multi-strings joined by NUL, binary data in hex (e.g. {@code REG_DWORD:1}).
 */
final class RegistryData {

    private RegistryData() {
    }

    static String encode(RegistryValue value) {
        String data = switch (value.type()) {
            case REG_MULTI_SZ -> String.join("\u0000", value.strings());
            default -> value.text();
        };
        return value.type().name() + ":" + data;
    }

    static RegistryValue decode(String text) {
        int colon = text.indexOf(':');
        RegistryValueType type = RegistryValueType.valueOf(text.substring(0, colon));
        String data = text.substring(colon + 1);
        return switch (type) {
            case REG_DWORD -> RegistryValue.dword(Long.parseLong(data));
            case REG_QWORD -> RegistryValue.qword(Long.parseLong(data));
            case REG_SZ -> RegistryValue.string(data);
            case REG_EXPAND_SZ -> RegistryValue.expandString(data);
            case REG_MULTI_SZ -> RegistryValue.multiString(data.isEmpty() ? java.util.List.of()
                    : Arrays.asList(data.split("\u0000", -1)));
            case REG_BINARY -> RegistryValue.binary(HexFormat.of().parseHex(data));
            case REG_NONE -> throw new RemediationException("a REG_NONE value cannot be written back");
        };
    }

    /**
     * The value to write for a check's target: the type the check names ({@code value-type}: Windows ignores a value
     * of another type, so the existing one's type must not be kept), else the existing value's type, else DWORD for
     * numbers, else REG_SZ.
     */
    static RegistryValue target(String value, RegistryValueType wanted, RegistryValueType existing) {
        boolean number = value.strip().matches("\\d{1,10}") || value.strip().matches("0[xX][0-9a-fA-F]{1,8}");
        if (wanted != null) {
            return switch (wanted) {
                case REG_DWORD, REG_QWORD -> {
                    if (!number) {
                        throw new RemediationException("the check wants a " + wanted + " but its target value "
                                + value + " is not a number");
                    }
                    long parsed = Long.decode(value.strip());
                    yield wanted == RegistryValueType.REG_DWORD ? RegistryValue.dword(parsed)
                            : RegistryValue.qword(parsed);
                }
                case REG_SZ -> RegistryValue.string(value);
                case REG_EXPAND_SZ -> RegistryValue.expandString(value);
                default -> throw new RemediationException("the agent does not write " + wanted + " values");
            };
        }
        return target(value, existing);
    }

    /** The value to write for a check's target: the existing value's type, else DWORD for numbers, else REG_SZ. */
    static RegistryValue target(String value, RegistryValueType existing) {
        boolean number = value.strip().matches("\\d{1,10}") || value.strip().matches("0[xX][0-9a-fA-F]{1,8}");
        long parsed = number ? Long.decode(value.strip()) : 0;
        if (existing == RegistryValueType.REG_QWORD && number) {
            return RegistryValue.qword(parsed);
        }
        if ((existing == null || existing == RegistryValueType.REG_DWORD) && number) {
            return RegistryValue.dword(parsed);
        }
        return existing == RegistryValueType.REG_EXPAND_SZ ? RegistryValue.expandString(value)
                : RegistryValue.string(value);
    }
}
