package org.caart.agent.remediation;

import java.util.List;

/**
 * One thing a fix changes, exactly as it was before the change, as the journal keeps it. {@code kind} says what it
 * is and how {@link Restorer} puts it back:
 * <ul>
 * <li>{@code file}: {@code key} a host path; {@code present}; {@code content} the bytes (Base64), {@code mode}
 * (permission bits with set-id and sticky bits), {@code uid}, {@code gid}; {@code createdDirectories} the missing
 * parents the change created (removed again when empty).</li>
 * <li>{@code attributes}: mode, uid and gid of the existing path {@code key}.</li>
 * <li>{@code sysctl}: the running value of kernel parameter {@code key}, as /proc/sys held it ({@code value}).</li>
 * <li>{@code package}: an installed package {@code key} at version {@code value}.</li>
 * <li>{@code registry}: value {@code name} of key {@code key}, {@code value} its type and data
 * ({@link RegistryData}).</li>
 * <li>{@code security-policy}, {@code user-right}, {@code audit-policy}, {@code service-start}:
 * a Windows setting {@code key} and its {@code value} ({@code present} false: not set).</li>
 * </ul>
 */
public record Saved(String kind, String key, String name, boolean present, String value, String content,
                    Integer mode, Integer uid, Integer gid, List<String> createdDirectories) {

    public Saved {
        createdDirectories = createdDirectories == null ? List.of() : List.copyOf(createdDirectories);
    }

    static Saved value(String kind, String key, String value) {
        return new Saved(kind, key, null, value != null, value, null, null, null, null, List.of());
    }

    /** Words for a report, e.g. "/etc/login.defs (412 bytes, 0644 0:0)" or "net.ipv4.ip_forward = 1". */
    String describe() {
        return switch (kind) {
            case "file" -> present ? key + " (" + java.util.Base64.getDecoder().decode(content).length + " bytes, "
                    + String.format("%04o", mode) + " " + uid + ":" + gid + ")" : key + " absent";
            case "attributes" -> key + " " + String.format("%04o", mode) + " " + uid + ":" + gid;
            case "registry" -> key + "\\" + name + (present ? " = " + value : " absent");
            default -> present ? key + " = " + value.strip() : key + " absent";
        };
    }
}
