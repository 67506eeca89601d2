package org.caart.agent.platform.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Parses the two textual registry value forms the agent meets: secedit's {@code type,data}
 * (e.g. {@code 4,1} or {@code 7,a,b}) and {@code reg query}'s {@code REG_DWORD 0x1}.
 */
public final class RegistryValueFormats {

    private RegistryValueFormats() {
    }

    /** secedit [Registry Values]: "&lt;type code&gt;,&lt;data&gt;"; strings may be quoted, multi-strings comma separated. */
    public static RegistryValue parseSecedit(String text) {
        int comma = text.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("secedit registry value without type: " + text);
        }
        RegistryValueType type = RegistryValueType.ofCode(Integer.parseInt(text.substring(0, comma).trim()));
        String data = text.substring(comma + 1);
        return switch (type) {
            case REG_DWORD -> RegistryValue.dword(Long.parseLong(data.trim()));
            case REG_QWORD -> RegistryValue.qword(Long.parseLong(data.trim()));
            case REG_SZ -> RegistryValue.string(unquote(data));
            case REG_EXPAND_SZ -> RegistryValue.expandString(unquote(data));
            case REG_MULTI_SZ -> RegistryValue.multiString(data.isEmpty() ? List.of() : Arrays.asList(data.split(",", -1)));
            case REG_BINARY -> RegistryValue.binary(hexBytes(data.replace(",", "")));
            case REG_NONE -> throw new IllegalArgumentException("REG_NONE cannot be parsed: " + text);
        };
    }

    /** One value as {@code reg query} prints it: type name and data, e.g. "REG_DWORD 0x1". */
    public static RegistryValue parseRegQuery(String typeName, String data) {
        RegistryValueType type = RegistryValueType.valueOf(typeName.trim().toUpperCase(Locale.ROOT));
        String trimmed = data.trim();
        return switch (type) {
            case REG_DWORD -> RegistryValue.dword(Long.parseUnsignedLong(stripHex(trimmed), 16));
            case REG_QWORD -> RegistryValue.qword(Long.parseUnsignedLong(stripHex(trimmed), 16));
            case REG_SZ -> RegistryValue.string(data);
            case REG_EXPAND_SZ -> RegistryValue.expandString(data);
            case REG_MULTI_SZ -> RegistryValue.multiString(splitMulti(data));
            case REG_BINARY -> RegistryValue.binary(hexBytes(trimmed));
            case REG_NONE -> throw new IllegalArgumentException("REG_NONE cannot be parsed");
        };
    }

    private static List<String> splitMulti(String data) {
        List<String> parts = new ArrayList<>(Arrays.asList(data.split("\\\\0", -1)));
        parts.removeIf(String::isEmpty);
        return parts;
    }

    private static String stripHex(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("0x")) {
            throw new IllegalArgumentException("expected a 0x number: " + text);
        }
        return lower.substring(2);
    }

    private static byte[] hexBytes(String hex) {
        return HexFormat.of().parseHex(hex.trim());
    }

    private static String unquote(String text) {
        String trimmed = text.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }
}
