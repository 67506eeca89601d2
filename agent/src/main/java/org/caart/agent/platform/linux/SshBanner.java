package org.caart.agent.platform.linux;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Whether an SSH server answers on an address: it must send its identification line ("SSH-2.0-..."). */
final class SshBanner {

    private SshBanner() {
    }

    static boolean answers(InetSocketAddress address, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b; line.length() < 255 && (b = in.read()) >= 0 && b != '\n'; ) {
                line.append((char) b);
            }
            return line.toString().startsWith("SSH-");
        } catch (IOException e) {
            return false;
        }
    }

    /** The ports in {@code sshd -T} output ("port 22" lines). */
    static java.util.List<Integer> ports(String effective) {
        return effective.lines().map(String::strip).filter(l -> l.matches("(?i)port \\d{1,5}"))
                .map(l -> Integer.parseInt(l.substring(5).strip())).distinct().toList();
    }
}
