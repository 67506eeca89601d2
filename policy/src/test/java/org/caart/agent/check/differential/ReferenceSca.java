package org.caart.agent.check.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A small evaluator of Wazuh SCA checks written from the documented semantics (docs/policies.md, "Rules",
 * "Content patterns", "Conditions and results") and nothing else: it shares no code with the engine, reads rules as
 * text and compiles PCRE2 patterns straight with java.util.regex (the policies under test use no construct the two
 * read differently). With {@code v4} it follows Wazuh 4.x's {@code wm_sca.c}: every minterm on each line (literals
 * ignoring case), a lone {@code !r:} found when some line does not match, trailing CR/LF trimmed, command output
 * line by line, file names in {@code d:} rules as OS_Match patterns. Registry rules are out of scope (the fixtures
 * are Linux hosts); so are OS_Regex patterns (a 4.x {@code d:} name with {@code r:}).
 */
final class ReferenceSca {

    enum Result { FOUND, NOT_FOUND, INVALID }

    /** A host: files below {@code root}, the output of each command that exists, the running process names. */
    record Fixture(Path root, Map<String, String> outputs, Set<String> processes) {
    }

    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | Pattern.UNIX_LINES;

    private final boolean v4;

    ReferenceSca(boolean v4) {
        this.v4 = v4;
    }

    static final ReferenceSca V5 = new ReferenceSca(false);

    /** PASSED, FAILED or NOT_APPLICABLE, as the condition table says. */
    String check(String condition, List<String> rules, Fixture host) {
        boolean invalid = rules.isEmpty();
        for (String rule : rules) {
            Result result = rule(rule, host);
            if (result == Result.INVALID) {
                invalid = true;
            } else if (condition.equals("all") && result == Result.NOT_FOUND) {
                return "FAILED";
            } else if (condition.equals("any") && result == Result.FOUND) {
                return "PASSED";
            } else if (condition.equals("none") && result == Result.FOUND) {
                return "FAILED";
            }
        }
        if (invalid) {
            return "NOT_APPLICABLE";
        }
        return condition.equals("any") ? "FAILED" : "PASSED";
    }

    Result rule(String text, Fixture host) {
        String rule = text.strip();
        boolean not = rule.startsWith("not ");
        if (not) {
            rule = rule.substring(4).strip();
        }
        int arrow = rule.indexOf(" -> ");
        String head = arrow < 0 ? rule : rule.substring(0, arrow);
        String pattern = arrow < 0 ? null : rule.substring(arrow + 4);
        String type = head.substring(0, head.indexOf(':'));
        String target = head.substring(head.indexOf(':') + 1).strip();
        Result result;
        try {
            result = switch (type) {
                case "f" -> file(target, pattern, host);
                case "d" -> directory(target, pattern, host);
                case "c" -> command(target, pattern, host);
                case "p" -> host.processes().contains(target) ? Result.FOUND : Result.NOT_FOUND;
                default -> Result.INVALID;
            };
        } catch (NotANumber e) {
            result = Result.INVALID;
        }
        if (!not || result == Result.INVALID) {
            return result;
        }
        return result == Result.FOUND ? Result.NOT_FOUND : Result.FOUND;
    }

    private static List<String> paths(String target) {
        return Stream.of(target.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Path onHost(Fixture host, String path) {
        return host.root().resolve(path.replaceFirst("^/+", ""));
    }

    private Result file(String target, String pattern, Fixture host) {
        List<Result> results = new ArrayList<>();
        for (String path : paths(target)) {
            Path file = onHost(host, path);
            if (pattern == null) {
                results.add(Files.isRegularFile(file) ? Result.FOUND : Result.NOT_FOUND);
            } else {
                results.add(Files.isRegularFile(file) ? content(pattern, lines(file)) : Result.INVALID);
            }
        }
        return any(results);
    }

    /** Found when any target is; otherwise not found when any target was looked at, else invalid. */
    private static Result any(List<Result> results) {
        if (results.contains(Result.FOUND)) {
            return Result.FOUND;
        }
        return results.contains(Result.NOT_FOUND) ? Result.NOT_FOUND : Result.INVALID;
    }

    private Result directory(String target, String pattern, Fixture host) {
        String name = pattern;
        String content = null;
        if (pattern != null && pattern.contains(" -> ")) {
            name = pattern.substring(0, pattern.indexOf(" -> "));
            content = pattern.substring(pattern.indexOf(" -> ") + 4);
        }
        List<Result> results = new ArrayList<>();
        for (String dir : paths(target)) {
            List<Path> matches = glob(onHost(host, dir));
            if (matches.isEmpty()) {
                results.add(name == null ? Result.NOT_FOUND : Result.INVALID);
            }
            for (Path match : matches) {
                results.add(directoryMatch(match, name, content, dir.contains("*")));
            }
        }
        return any(results);
    }

    private Result directoryMatch(Path path, String name, String content, boolean fromGlob) {
        Path start = real(path);
        if (name == null) {
            return Files.isDirectory(start) ? Result.FOUND : Result.NOT_FOUND;
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(start)) {
            try (Stream<Path> walk = Files.walk(start)) {
                walk.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                        .filter(f -> nameMatches(name, f.getFileName().toString()))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (fromGlob && Files.isRegularFile(start)) {
            if (nameMatches(name, path.getFileName().toString())) {
                files.add(start);
            }
        } else {
            return Result.INVALID;
        }
        if (files.isEmpty()) {
            return Result.NOT_FOUND;
        }
        if (content == null) {
            return Result.FOUND;
        }
        String pattern = content;
        return any(files.stream().map(f -> content(pattern, lines(f))).toList());
    }

    private static Path real(Path path) {
        try {
            return Files.isSymbolicLink(path) ? path.toRealPath() : path;
        } catch (IOException e) {
            return path;
        }
    }

    /** Globs in the last path segment only (all the policies use). */
    private static List<Path> glob(Path path) {
        String last = path.getFileName().toString();
        if (!last.contains("*") && !last.contains("?") && !last.contains("[")) {
            return List.of(path);
        }
        List<Path> matches = new ArrayList<>();
        if (Files.isDirectory(path.getParent())) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path.getParent(), last)) {
                children.forEach(matches::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        matches.sort(null);
        return matches;
    }

    private Result command(String command, String pattern, Fixture host) {
        String output = host.outputs().get(command);
        if (output == null) {
            return Result.INVALID;
        }
        if (pattern == null) {
            return Result.FOUND;
        }
        String trimmed = output.replaceAll("^\n+", "").replaceAll("\n+$", "");
        if (literal(pattern) && !v4) {
            return trimmed.equals(pattern) ? Result.FOUND : Result.NOT_FOUND;
        }
        return content(pattern, split(trimmed));
    }

    static boolean literal(String pattern) {
        return !(pattern.startsWith("r:") || pattern.startsWith("!r:") || pattern.startsWith("n:")
                || pattern.startsWith("!n:"));
    }

    /** Lines as C++ getline gives them: split on \n, no trailing empty line, none for empty text. */
    static List<String> split(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static List<String> lines(Path file) {
        try {
            return split(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 5.x: like content on the one name; 4.x: OS_Match (anywhere, ignoring case, ^ $ anchors, | alternatives). */
    private boolean nameMatches(String name, String fileName) {
        if (!v4) {
            return content(name, List.of(fileName)) == Result.FOUND;
        }
        boolean negated = name.startsWith("!");
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        boolean any = false;
        String alternatives = (negated ? name.substring(1) : name).toLowerCase(java.util.Locale.ROOT);
        for (String alternative : alternatives.split("\\|")) {
            boolean start = alternative.startsWith("^");
            boolean end = alternative.endsWith("$");
            int from = start ? 1 : 0;
            String core = alternative.substring(from, Math.max(from, alternative.length() - (end ? 1 : 0)));
            any |= start && end ? lower.equals(core) : start ? lower.startsWith(core) : end ? lower.endsWith(core)
                    : lower.contains(core);
        }
        return any != negated;
    }

    Result content(String pattern, List<String> lines) {
        if (lines.isEmpty()) {
            return Result.NOT_FOUND;
        }
        if (v4) {
            return contentV4(pattern, lines);
        }
        if (literal(pattern)) {
            return lines.contains(pattern) ? Result.FOUND : Result.NOT_FOUND;
        }
        String[] terms = pattern.split(" && ", -1);
        if (terms.length == 1 && terms[0].startsWith("!")) {
            for (String line : lines) {
                if (term(terms[0].substring(1), line)) {
                    return Result.NOT_FOUND;
                }
            }
            return Result.FOUND;
        }
        for (String line : lines) {
            boolean all = true;
            for (String term : terms) {
                boolean negated = term.startsWith("!");
                if (term(negated ? term.substring(1) : term, line) == negated) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return Result.FOUND;
            }
        }
        return Result.NOT_FOUND;
    }

    /** wm_sca.c: each line (CR/LF trimmed) against every minterm; found when one line passes them all. */
    private static Result contentV4(String pattern, List<String> lines) {
        for (String raw : lines) {
            String line = raw.replaceAll("[\r\n]+$", "");
            boolean all = true;
            for (String term : pattern.split(" && ", -1)) {
                boolean negated = term.startsWith("!");
                String positive = negated ? term.substring(1) : term;
                boolean holds = positive.startsWith("r:") || positive.startsWith("n:") ? term(positive, line)
                        : line.equalsIgnoreCase(positive);
                if (holds == negated) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return Result.FOUND;
            }
        }
        return Result.NOT_FOUND;
    }

    /** One positive term on one line: r:REGEX, n:REGEX compare OP N, or a literal equal to the line. */
    static boolean term(String term, String line) {
        if (term.startsWith("r:")) {
            return Pattern.compile(term.substring(2), FLAGS).matcher(line).find();
        }
        if (!term.startsWith("n:")) {
            return line.equals(term);
        }
        String[] parts = term.substring(2).split(" compare ", 2);
        String[] comparison = parts[1].strip().split("\\s+");
        Matcher matcher = Pattern.compile(parts[0], FLAGS).matcher(line);
        if (!matcher.find()) {
            return false;
        }
        String captured = matcher.groupCount() >= 1 && matcher.group(1) != null ? matcher.group(1) : matcher.group();
        long actual = stoi(captured);
        long expected = stoi(comparison[1]);
        return switch (comparison[0]) {
            case "<" -> actual < expected;
            case "<=" -> actual <= expected;
            case "==" -> actual == expected;
            case "!=" -> actual != expected;
            case ">=" -> actual >= expected;
            case ">" -> actual > expected;
            default -> throw new IllegalArgumentException("operator " + comparison[0]);
        };
    }

    /** C++ std::stoi: leading blanks, a sign, digits; anything else is not a number. */
    static long stoi(String text) {
        Matcher number = Pattern.compile("^\\s*([+-]?\\d{1,10})").matcher(text);
        if (!number.find()) {
            throw new NotANumber();
        }
        long value = Long.parseLong(number.group(1));
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new NotANumber();
        }
        return value;
    }

    /** A captured value that is not a number makes the rule invalid. */
    static final class NotANumber extends RuntimeException {
        NotANumber() {
            super(null, null, false, false);
        }
    }
}
