package org.caart.agent.platform.common;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A registry value as read: its type and data. Numbers are kept unsigned (a DWORD of 0xFFFFFFFF is
 * 4294967295), multi-strings as a list, binary data as bytes.
 */
public final class RegistryValue {

    private final RegistryValueType type;
    private final Object data;

    private RegistryValue(RegistryValueType type, Object data) {
        this.type = Objects.requireNonNull(type);
        this.data = data;
    }

    public static RegistryValue dword(long value) {
        return new RegistryValue(RegistryValueType.REG_DWORD, value & 0xFFFFFFFFL);
    }

    public static RegistryValue qword(long value) {
        return new RegistryValue(RegistryValueType.REG_QWORD, value);
    }

    public static RegistryValue string(String value) {
        return new RegistryValue(RegistryValueType.REG_SZ, Objects.requireNonNull(value));
    }

    public static RegistryValue expandString(String value) {
        return new RegistryValue(RegistryValueType.REG_EXPAND_SZ, Objects.requireNonNull(value));
    }

    public static RegistryValue multiString(List<String> values) {
        return new RegistryValue(RegistryValueType.REG_MULTI_SZ, List.copyOf(values));
    }

    public static RegistryValue binary(byte[] bytes) {
        return new RegistryValue(RegistryValueType.REG_BINARY, bytes.clone());
    }

    /** Wraps what JNA's {@code Advapi32Util.registryGetValues} returns for one value. */
    public static RegistryValue ofJava(Object value) {
        if (value instanceof Integer i) {
            return dword(i);
        }
        if (value instanceof Long l) {
            return qword(l);
        }
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof String[] array) {
            return multiString(Arrays.asList(array));
        }
        if (value instanceof byte[] bytes) {
            return binary(bytes);
        }
        if (value == null) {
            return new RegistryValue(RegistryValueType.REG_NONE, null);
        }
        throw new IllegalArgumentException("unexpected registry data " + value.getClass().getName());
    }

    public RegistryValueType type() {
        return type;
    }

    /** The number a DWORD/QWORD holds, or a string value that is a plain decimal number. */
    public OptionalLong number() {
        if (data instanceof Long l) {
            return OptionalLong.of(l);
        }
        if (data instanceof String s && s.trim().matches("-?\\d{1,18}")) {
            return OptionalLong.of(Long.parseLong(s.trim()));
        }
        return OptionalLong.empty();
    }

    /** The strings a multi-string holds; a single string as a one-element list. */
    @SuppressWarnings("unchecked")
    public List<String> strings() {
        if (data instanceof List<?> list) {
            return (List<String>) list;
        }
        return data == null ? List.of() : List.of(text());
    }

    /** Evidence text: decimal numbers, strings as is, multi-strings joined by ", ", bytes in hex. */
    public String text() {
        if (data instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (data instanceof List<?> list) {
            return String.join(", ", strings());
        }
        return data == null ? "" : data.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegistryValue value && type == value.type
                && (data instanceof byte[] bytes ? value.data instanceof byte[] b && Arrays.equals(bytes, b)
                        : Objects.equals(data, value.data));
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, data instanceof byte[] bytes ? Arrays.hashCode(bytes) : data);
    }

    @Override
    public String toString() {
        return type + ":" + text();
    }
}
