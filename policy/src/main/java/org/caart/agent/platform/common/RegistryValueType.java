package org.caart.agent.platform.common;

/** Registry value types, with the numbers Windows (and secedit's [Registry Values]) use for them. */
public enum RegistryValueType {
    REG_NONE(0), REG_SZ(1), REG_EXPAND_SZ(2), REG_BINARY(3), REG_DWORD(4), REG_MULTI_SZ(7), REG_QWORD(11);

    private final int code;

    RegistryValueType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RegistryValueType ofCode(int code) {
        for (RegistryValueType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("unsupported registry value type " + code);
    }

    public boolean numeric() {
        return this == REG_DWORD || this == REG_QWORD;
    }
}
