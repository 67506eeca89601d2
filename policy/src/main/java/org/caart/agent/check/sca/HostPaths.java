package org.caart.agent.check.sca;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caart.agent.check.Host;
import org.caart.agent.platform.common.OsFamily;

/** Host paths of SCA rules: Windows {@code %VARIABLES%}, the platform's root mapping, and globs in directory paths. */
final class HostPaths {

    private static final Pattern ENV = Pattern.compile("%([A-Za-z0-9_()]+)%");

    private HostPaths() {
    }

    static Path resolve(Host host, String hostPath) {
        String path = hostPath;
        if (host.platform().family() == OsFamily.WINDOWS) {
            Matcher matcher = ENV.matcher(path);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String value = System.getenv(matcher.group(1));
                matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
            }
            path = matcher.appendTail(out).toString();
        }
        return host.platform().resolve(path);
    }

    /** Expands {@code *}, {@code ?} and {@code [..]} in any path segment; a path without them is returned as is. */
    static List<Path> expand(Path path) throws IOException {
        if (!hasGlob(path.toString())) {
            return List.of(path);
        }
        List<Path> current = List.of(path.getRoot() == null ? Path.of("") : path.getRoot());
        for (Path segment : path) {
            String name = segment.toString();
            List<Path> next = new ArrayList<>();
            for (Path base : current) {
                if (!hasGlob(name)) {
                    next.add(base.resolve(name));
                } else if (Files.isDirectory(base)) {
                    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
                    try (DirectoryStream<Path> children = Files.newDirectoryStream(base)) {
                        for (Path child : children) {
                            if (matcher.matches(child.getFileName())) {
                                next.add(child);
                            }
                        }
                    }
                }
            }
            current = next;
        }
        return current.stream().sorted().toList();
    }

    /**
     * Follows {@code path} while it is a symbolic link (at most 40 times, as the kernel does); an absolute target is
     * a host path, mapped through the platform like every other.
     */
    static Path followLinks(Host host, Path path) throws IOException {
        Path current = path;
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(current); hops++) {
            Path target = Files.readSymbolicLink(current);
            current = target.isAbsolute() ? host.platform().resolve(target.toString())
                    : current.resolveSibling(target).normalize();
        }
        return current;
    }

    static boolean hasGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }
}
