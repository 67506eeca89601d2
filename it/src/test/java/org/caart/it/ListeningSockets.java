package org.caart.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The TCP sockets a process listens on, read from /proc as {@code ss -ltnp} does: "address:port" per socket. */
final class ListeningSockets {

    private ListeningSockets() {
    }

    static Set<String> of(long pid) {
        Set<String> inodes = socketInodes(pid);
        Set<String> listening = new TreeSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", String.valueOf(pid), "net", table);
            List<String> lines = lines(file); // read once: a busy process's table changes between two reads
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals("0A") && inodes.contains(fields[9])) { // 0A = LISTEN
                    listening.add(address(fields[1]));
                }
            }
        }
        return listening;
    }

    /** Ports only. */
    static Set<Integer> ports(long pid) {
        Set<Integer> ports = new TreeSet<>();
        of(pid).forEach(socket -> ports.add(Integer.parseInt(socket.substring(socket.lastIndexOf(':') + 1))));
        return ports;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // the descriptor was closed while listing: not a listening socket
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    /** "0100007F:1F90" (little-endian IPv4) or the 32-hex-digit IPv6 form, to "127.0.0.1:8080". */
    private static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String ip = parts[0];
        if (ip.length() == 8) {
            return Integer.parseInt(ip.substring(6, 8), 16) + "." + Integer.parseInt(ip.substring(4, 6), 16) + "."
                    + Integer.parseInt(ip.substring(2, 4), 16) + "." + Integer.parseInt(ip.substring(0, 2), 16)
                    + ":" + port;
        }
        if (ip.equals("00000000000000000000000000000000")) {
            return "[::]:" + port;
        }
        if (ip.startsWith("0000000000000000FFFF0000")) { // an IPv4 address on an IPv6 socket
            return address(ip.substring(24) + ":" + parts[1]);
        }
        return "[" + ip + "]:" + port;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
