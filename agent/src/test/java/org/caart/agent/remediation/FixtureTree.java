package org.caart.agent.remediation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A fixture root on disk, and exact pictures of it: every path with its type, bytes, mode, uid and gid. */
final class FixtureTree {

    private final Path root;

    FixtureTree(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    FixtureTree file(String hostPath, String content, int mode) throws IOException {
        Path file = root.resolve(hostPath.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setAttribute(file, "unix:mode", mode);
        return this;
    }

    FixtureTree owner(String hostPath, int uid, int gid) throws IOException {
        Path file = root.resolve(hostPath.substring(1));
        Files.setAttribute(file, "unix:uid", uid);
        Files.setAttribute(file, "unix:gid", gid);
        return this;
    }

    String read(String hostPath) throws IOException {
        return Files.readString(root.resolve(hostPath.substring(1)), StandardCharsets.UTF_8);
    }

    boolean exists(String hostPath) {
        return Files.exists(root.resolve(hostPath.substring(1)), LinkOption.NOFOLLOW_LINKS);
    }

    int mode(String hostPath) throws IOException {
        return (Integer) Files.getAttribute(root.resolve(hostPath.substring(1)), "unix:mode") & 07777;
    }

    int uid(String hostPath) throws IOException {
        return (Integer) Files.getAttribute(root.resolve(hostPath.substring(1)), "unix:uid");
    }

    /** Every path below the root: "d|f mode uid:gid sha/bytes". */
    Map<String, String> picture() throws IOException {
        Map<String, String> picture = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                String content = directory ? "" : HexFormat.of().formatHex(Files.readAllBytes(path));
                picture.put("/" + root.relativize(path), (directory ? "d " : "f ")
                        + Integer.toOctalString((Integer) Files.getAttribute(path, "unix:mode",
                                LinkOption.NOFOLLOW_LINKS)
                        & 07777) + " " + Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
                        + Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS) + " " + content);
            }
        }
        return picture;
    }
}
