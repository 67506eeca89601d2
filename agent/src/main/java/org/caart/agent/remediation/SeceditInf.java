package org.caart.agent.remediation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The security template {@code secedit /configure} applies for one setting: a [System Access] line, or a
 * [Privilege Rights] line (SIDs written with secedit's leading '*', names as they are; an empty list leaves the right
 * to no one). Written as UTF-16LE with a byte order mark, as secedit's own exports are.
 */
public final class SeceditInf {

    private static final String HEADER = "[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\n"
            + "Revision=1\r\n";

    private SeceditInf() {
    }

    public static String systemAccess(String setting, String value) {
        String written = value.matches("-?\\d+") ? value : "\"" + value.replace("\"", "") + "\"";
        return HEADER + "[System Access]\r\n" + setting + " = " + written + "\r\n";
    }

    public static String privilegeRight(String right, List<String> accounts) {
        String holders = accounts.stream().map(a -> a.matches("(?i)\\*?S-\\d+(-\\d+)+") ? "*" + a.replace("*", "") : a)
                .collect(Collectors.joining(","));
        return HEADER + "[Privilege Rights]\r\n" + right + " = " + holders + "\r\n";
    }

    public static byte[] bytes(String inf) {
        ByteBuffer encoded = StandardCharsets.UTF_16LE.encode(inf);
        byte[] bytes = new byte[encoded.remaining() + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        encoded.get(bytes, 2, encoded.remaining());
        return bytes;
    }
}
