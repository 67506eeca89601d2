package org.caart.agent.check.sca;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
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
 * matches {@code r:NAME}) exists below it; or such a file has matching content. Sub-directories are
 * searched, symbolic links are not followed, and globs in DIR are expanded.
 */
final class DirectoryRule extends Rule {

    private static final int MAX_DEPTH = 32;

    private final List<String> dirs;
    private final Content name;
    private final Content content;

    private DirectoryRule(String text, boolean negated, List<String> dirs, Content name, Content content) {
        super(text, negated);
        this.dirs = dirs;
        this.name = name;
        this.content = content;
    }

    static DirectoryRule parse(String text, boolean negated, List<String> dirs, String pattern, RegexDialect dialect)
            throws UnsupportedRegexException {
        if (pattern == null) {
            return new DirectoryRule(text, negated, dirs, null, null);
        }
        int arrow = pattern.indexOf(" -> ");
        String namePart = arrow < 0 ? pattern : pattern.substring(0, arrow);
        String contentPart = arrow < 0 ? null : pattern.substring(arrow + 4);
        return new DirectoryRule(text, negated, dirs, Content.parse(namePart, dialect),
                RuleParser.content(contentPart, dialect));
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
            for (Path path : expanded) {
                results.add(testOne(host, path, dir));
            }
        }
        return Results.anyFound(results);
    }

    private RuleResult testOne(Host host, Path dir, String hostDir) {
        boolean isDir = Files.isDirectory(dir);
        if (name == null) {
            return RuleResult.of(isDir, isDir ? "directory exists: " + hostDir : "directory not found: " + hostDir);
        }
        if (!isDir) {
            return RuleResult.invalid("directory not found: " + hostDir);
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && name.matchLines(List.of(file.getFileName().toString())).matched()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return RuleResult.error("cannot list " + hostDir + ": " + e.getMessage());
        }
        files.sort(null);
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
