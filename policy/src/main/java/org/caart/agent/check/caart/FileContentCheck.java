package org.caart.agent.check.caart;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.FileRead;
import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.PlatformException;
import org.caart.contract.agent.v1.CheckStatus;

/**
 * Lines of a file, or of every file a glob in the last path segment matches (read together, in
 * name order). Each {@code must-match} pattern needs at least one line it is found in (not
 * necessarily the same line for different patterns); no line may contain a match of any
 * {@code must-not-match} pattern. Patterns are Java regular expressions applied to one line at a
 * time with find(), case-sensitive unless they start with (?i); anchor with ^ and $ for whole lines.
 * {@code ignore-comments: true} skips lines whose first non-blank character is '#'.
 */
final class FileContentCheck extends TypedCheck {

    private record Line(String file, String text) {
    }

    private final String path;
    private final List<Pattern> mustMatch;
    private final List<Pattern> mustNotMatch;
    private final boolean ignoreComments;
    private final Missing missing;

    private FileContentCheck(CheckInfo info, String path, List<Pattern> mustMatch, List<Pattern> mustNotMatch,
                             boolean ignoreComments, Missing missing) {
        super(info, "file-content", OsFamily.LINUX);
        this.path = path;
        this.mustMatch = mustMatch;
        this.mustNotMatch = mustNotMatch;
        this.ignoreComments = ignoreComments;
        this.missing = missing;
    }

    static FileContentCheck read(CheckInfo info, Fields check) throws PolicyException {
        String path = Paths.absolute(check, "path");
        if (path.substring(0, path.lastIndexOf('/')).matches(".*[*?\\[].*")) {
            throw check.error("path", "may use wildcards in its last segment only");
        }
        List<Pattern> mustMatch = patterns(check, "must-match");
        List<Pattern> mustNotMatch = patterns(check, "must-not-match");
        if (mustMatch.isEmpty() && mustNotMatch.isEmpty()) {
            throw check.error("must-match", "or 'must-not-match' must be given");
        }
        return new FileContentCheck(info, path, mustMatch, mustNotMatch,
                check.optionalFlag("ignore-comments").orElse(false), check.choice("missing", Missing.class, Missing.FAIL));
    }

    private static List<Pattern> patterns(Fields check, String field) throws PolicyException {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : check.list(field)) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw check.error(field, "has an invalid regular expression '" + regex + "': " + e.getDescription());
            }
        }
        return patterns;
    }

    @Override
    String expected() {
        List<String> parts = new ArrayList<>();
        mustMatch.forEach(p -> parts.add("a line matches /" + p + "/"));
        mustNotMatch.forEach(p -> parts.add("no line matches /" + p + "/"));
        return path + ": " + String.join(" and ", parts) + (ignoreComments ? " (comments ignored)" : "")
                + (missing == Missing.FAIL ? "" : " (or missing: " + missing + ")");
    }

    @Override
    Outcome probe(Host host) {
        List<Line> lines = new ArrayList<>();
        int found = 0;
        for (String file : files(host)) {
            FileRead read = host.readFile(host.platform().resolve(file));
            if (read.exists() && !read.readable()) {
                throw new PlatformException("cannot read " + file + ": " + read.error());
            }
            if (read.exists()) {
                found++;
                read.lines().stream().filter(l -> !ignoreComments || !l.stripLeading().startsWith("#"))
                        .forEach(l -> lines.add(new Line(file, l)));
            }
        }
        if (found == 0) {
            return whenMissing();
        }
        return judge(lines, found > 1);
    }

    private Outcome judge(List<Line> lines, boolean manyFiles) {
        List<String> evidence = new ArrayList<>();
        boolean holds = true;
        for (Pattern pattern : mustMatch) {
            Line line = first(lines, pattern);
            holds &= line != null;
            evidence.add(line == null ? "no line matches /" + pattern + "/" : "found: " + show(line, manyFiles));
        }
        for (Pattern pattern : mustNotMatch) {
            Line line = first(lines, pattern);
            holds &= line == null;
            evidence.add(line == null ? "no line matches /" + pattern + "/" : "forbidden: " + show(line, manyFiles));
        }
        String observed = String.join("; ", evidence);
        return holds ? Outcome.passed(expected(), observed) : Outcome.failed(expected(), observed);
    }

    private Outcome whenMissing() {
        String observed = path + " does not exist";
        return switch (missing) {
            case FAIL -> Outcome.failed(expected(), observed);
            case PASS -> Outcome.passed(expected(), observed);
            case NOT_APPLICABLE -> new Outcome(CheckStatus.NOT_APPLICABLE, observed, expected(), observed);
        };
    }

    private static Line first(List<Line> lines, Pattern pattern) {
        return lines.stream().filter(l -> pattern.matcher(l.text()).find()).findFirst().orElse(null);
    }

    private static String show(Line line, boolean withFile) {
        String text = line.text().strip();
        text = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return withFile ? line.file() + ": " + text : text;
    }

    private List<String> files(Host host) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        if (!name.matches(".*[*?\\[].*")) {
            return List.of(path);
        }
        String directory = slash == 0 ? "/" : path.substring(0, slash);
        Path dir = host.platform().resolve(directory);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> matcher.matches(p.getFileName()))
                    .map(p -> (directory.endsWith("/") ? directory : directory + "/") + p.getFileName())
                    .sorted().toList();
        } catch (IOException e) {
            throw new PlatformException("cannot list " + directory + ": " + e, e);
        }
    }
}
