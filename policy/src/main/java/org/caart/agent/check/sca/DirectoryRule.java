package org.caart.agent.check.sca;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.caart.agent.check.Host;

/**
 * {@code d:DIR[ -> NAME[ -> CONTENT]]}: the directory exists; a file whose name equals NAME (or
 * matches {@code r:NAME}) exists below it; or such a file has matching content. A start directory that is a
 * symbolic link is resolved first (as Wazuh's realpath / canonical); below it sub-directories are searched and
 * symbolic links are not followed. Globs in DIR are expanded: a matching directory is searched, a matching regular
 * file is judged itself (its name against NAME, then its content).
 */
final class DirectoryRule extends Rule {

    private static final int MAX_DEPTH = 32;

    private final List<String> dirs;
    private final FileNames name;
    private final Content content;

    private DirectoryRule(String text, boolean negated, List<String> dirs, FileNames name, Content content) {
        super(text, negated);
        this.dirs = dirs;
        this.name = name;
        this.content = content;
    }

    static DirectoryRule parse(String text, boolean negated, List<String> dirs, String pattern, RegexDialect dialect,
                               ScaVersion version) throws UnsupportedRegexException {
        if (pattern == null) {
            return new DirectoryRule(text, negated, dirs, null, null);
        }
        int arrow = pattern.indexOf(" -> ");
        String namePart = arrow < 0 ? pattern : pattern.substring(0, arrow);
        String contentPart = arrow < 0 ? null : pattern.substring(arrow + 4);
        return new DirectoryRule(text, negated, dirs, FileNames.parse(namePart, dialect, version),
                RuleParser.content(contentPart, dialect, version));
    }

    @Override
    RuleType type() {
        return RuleType.DIRECTORY;
    }

    @Override
    RuleResult test(Host host) {
        List<RuleResult> results = new ArrayList<>();
        for (String dir : dirs) {
            List<Path> expanded;
            try {
                expanded = HostPaths.expand(HostPaths.resolve(host, dir));
            } catch (IOException e) {
                results.add(RuleResult.error("cannot list " + dir + ": " + e.getMessage()));
                continue;
            }
            if (expanded.isEmpty()) {
                results.add(name == null ? RuleResult.notFound("no directory matches " + dir)
                        : RuleResult.invalid("no directory matches " + dir));
            }
            boolean glob = HostPaths.hasGlob(dir);
            for (Path path : expanded) {
                results.add(testOne(host, path, glob ? path.toString() : dir, glob));
            }
        }
        return Results.anyFound(results);
    }

    private RuleResult testOne(Host host, Path path, String hostDir, boolean fromGlob) {
        Path start;
        try {
            start = HostPaths.followLinks(host, path);
        } catch (IOException e) {
            return RuleResult.error("cannot resolve " + hostDir + ": " + e.getMessage());
        }
        boolean isDir = Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS);
        if (name == null) {
            return RuleResult.of(isDir, isDir ? "directory exists: " + hostDir : "directory not found: " + hostDir);
        }
        if (!isDir) {
            return fromGlob && Files.isRegularFile(start)
                    ? testFiles(host, name.matches(path.getFileName().toString()) ? List.of(start) : List.of(), hostDir)
                    : RuleResult.invalid("directory not found: " + hostDir);
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && name.matches(file.getFileName().toString())) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return RuleResult.error("cannot list " + hostDir + ": " + e.getMessage());
        }
        files.sort(null);
        return testFiles(host, files, hostDir);
    }

    private RuleResult testFiles(Host host, List<Path> files, String hostDir) {
        if (files.isEmpty()) {
            return RuleResult.notFound("no file in " + hostDir + " matches " + name.text());
        }
        if (content == null) {
            return RuleResult.found("file: " + files.get(0));
        }
        List<RuleResult> results = new ArrayList<>();
        for (Path file : files) {
            results.add(FileRule.matchFile(host, file, file.toString(), content));
        }
        return Results.anyFound(results);
    }
}
