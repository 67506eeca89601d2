package org.caart.agent.check;

import java.util.List;

/** A file as the host read it once during a scan. {@code error} explains an unreadable file. */
public record FileRead(boolean exists, boolean readable, List<String> lines, String error) {

    public FileRead {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public static FileRead missing() {
        return new FileRead(false, false, List.of(), null);
    }

    public static FileRead unreadable(String error) {
        return new FileRead(true, false, List.of(), error);
    }

    public static FileRead of(List<String> lines) {
        return new FileRead(true, true, lines, null);
    }
}
