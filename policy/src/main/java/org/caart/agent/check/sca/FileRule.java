package org.caart.agent.check.sca;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.caart.agent.check.FileRead;
import org.caart.agent.check.Host;

/** {@code f:PATH[,PATH...][ -> CONTENT]}: a regular file exists, or its lines match the content. */
final class FileRule extends Rule {

    private final List<String> paths;
    private final Content content;

    FileRule(String text, boolean negated, List<String> paths, Content content) {
        super(text, negated);
        this.paths = paths;
        this.content = content;
    }

    @Override
    RuleType type() {
        return RuleType.FILE;
    }

    @Override
    RuleResult test(Host host) {
        return Results.anyFound(paths.stream().map(path -> testOne(host, path)).toList());
    }

    private RuleResult testOne(Host host, String hostPath) {
        Path path = HostPaths.resolve(host, hostPath);
        boolean regular = Files.isRegularFile(path);
        if (content == null) {
            return regular ? RuleResult.found("file exists: " + hostPath)
                    : RuleResult.notFound(Files.exists(path) ? "not a regular file: " + hostPath : "file not found: " + hostPath);
        }
        if (!regular) {
            return RuleResult.invalid(Files.exists(path) ? "not a regular file: " + hostPath : "file not found: " + hostPath);
        }
        return matchFile(host, path, hostPath, content);
    }

    static RuleResult matchFile(Host host, Path path, String hostPath, Content content) {
        FileRead read = host.readFile(path);
        if (!read.exists()) {
            return RuleResult.invalid("file not found: " + hostPath);
        }
        if (!read.readable()) {
            return RuleResult.error("cannot read " + hostPath + ": " + read.error());
        }
        Content.Match match = content.matchLines(read.lines());
        return RuleResult.of(match.matched(), hostPath + ": " + match.evidence());
    }
}
