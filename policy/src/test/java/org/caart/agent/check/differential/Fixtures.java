package org.caart.agent.check.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a fixture host in which each rule of a check comes out as wanted (found or not found, before its
 * {@code not}) as far as example lines can be written for its patterns: files and directories below a root, the
 * output of commands, running processes. Rules that touch the same file or command add their lines to it.
 */
final class Fixtures {

    static final String FILLER = "caart differential filler line";

    private final Path root;
    private final boolean v4;
    private final Map<Path, List<String>> files = new LinkedHashMap<>();
    private final Set<Path> directories = new HashSet<>();
    private final Map<String, List<String>> outputs = new LinkedHashMap<>();
    private final Set<String> processes = new HashSet<>();

    /** {@code v4}: files get CRLF line ends and literal lines another case, which 4.x must not mind. */
    Fixtures(Path root, boolean v4) {
        this.root = root;
        this.v4 = v4;
    }

    /** Makes the rule's un-negated result {@code found} or not. */
    void want(String ruleText, boolean found) {
        String rule = ruleText.strip().replaceFirst("^not\\s+", "");
        int arrow = rule.indexOf(" -> ");
        String head = arrow < 0 ? rule : rule.substring(0, arrow);
        String pattern = arrow < 0 ? null : rule.substring(arrow + 4);
        String type = head.substring(0, head.indexOf(':'));
        String target = head.substring(head.indexOf(':') + 1).strip().split(",")[0].strip();
        switch (type) {
            case "f" -> file(target, pattern, found);
            case "d" -> directory(target, pattern, found);
            case "c" -> outputs.computeIfAbsent(target, c -> new ArrayList<>())
                    .addAll(pattern == null ? List.of() : recase(pattern, lines(pattern, found)));
            case "p" -> {
                if (found) {
                    processes.add(target);
                }
            }
            default -> throw new IllegalArgumentException("no fixture for " + ruleText);
        }
    }

    private Path onHost(String path) {
        return root.resolve(path.replaceFirst("^/+", ""));
    }

    private void file(String path, String pattern, boolean found) {
        if (pattern == null && !found) {
            return;
        }
        files.computeIfAbsent(onHost(path), p -> new ArrayList<>()).addAll(pattern == null ? List.of()
                : recase(pattern, lines(pattern, found)));
    }

    private void directory(String dir, String pattern, boolean found) {
        Path base = onHost(dir.replace("/*", ""));
        if (pattern == null) {
            if (found) {
                directories.add(base);
            }
            return;
        }
        directories.add(base);
        int arrow = pattern.indexOf(" -> ");
        String name = arrow < 0 ? pattern : pattern.substring(0, arrow);
        String content = arrow < 0 ? null : pattern.substring(arrow + 4);
        Optional<String> fileName = example(name).filter(n -> !n.isBlank() && !n.contains("/"));
        if (found && fileName.isPresent()) {
            files.computeIfAbsent(base.resolve(fileName.get()), p -> new ArrayList<>())
                    .addAll(content == null ? List.of(FILLER) : lines(content, true));
        } else if (content != null && fileName.isPresent()) {
            files.computeIfAbsent(base.resolve(fileName.get()), p -> new ArrayList<>()).addAll(lines(content, false));
        } else {
            files.computeIfAbsent(base.resolve("caart-filler.txt"), p -> new ArrayList<>()).add(FILLER);
        }
    }

    /** In 4.x content a literal line is written in upper case: 4.x compares literals ignoring case. */
    private List<String> recase(String pattern, List<String> lines) {
        if (!v4 || !ReferenceSca.literal(pattern)) {
            return lines;
        }
        return lines.stream().map(line -> line.toUpperCase(java.util.Locale.ROOT)).toList();
    }

    /** A file name for a name pattern: the literal itself or an example of r:REGEX. */
    private static Optional<String> example(String name) {
        if (ReferenceSca.literal(name)) {
            return Optional.of(name);
        }
        return name.startsWith("r:") ? Witness.of(name.substring(2)) : Optional.empty();
    }

    /** Lines that make content found (or not): one line satisfying all minterms, or a filler / a spoiler. */
    static List<String> lines(String pattern, boolean found) {
        if (ReferenceSca.literal(pattern)) {
            return List.of(found ? pattern : FILLER);
        }
        String[] terms = pattern.split(" && ", -1);
        if (terms.length == 1 && terms[0].startsWith("!")) {
            Optional<String> spoiler = satisfying(terms[0].substring(1), true);
            return found || spoiler.isEmpty() ? List.of(FILLER) : List.of(spoiler.get());
        }
        if (!found) {
            Optional<String> near = satisfying(terms[0], false);
            return List.of(near.orElse(FILLER));
        }
        List<String> examples = new ArrayList<>();
        for (String term : terms) {
            if (!term.startsWith("!")) {
                satisfying(term, true).ifPresent(examples::add);
            }
        }
        for (String candidate : candidates(examples)) {
            if (ReferenceSca.V5.content(pattern, List.of(candidate)) == ReferenceSca.Result.FOUND) {
                return List.of(candidate);
            }
        }
        return examples.isEmpty() ? List.of(FILLER) : List.of(examples.get(0));
    }

    private static List<String> candidates(List<String> examples) {
        List<String> candidates = new ArrayList<>(examples);
        if (examples.size() > 1) {
            candidates.add(String.join(" ", examples));
        }
        return candidates;
    }

    /**
     * A line for one positive term: for {@code n:} with a number that satisfies the comparison (or, with
     * {@code satisfied} false, one that violates it, so the line is "near" but not matching).
     */
    static Optional<String> satisfying(String term, boolean satisfied) {
        if (term.startsWith("r:")) {
            return satisfied ? Witness.of(term.substring(2)) : Optional.empty();
        }
        if (!term.startsWith("n:")) {
            return Optional.of(satisfied ? term : FILLER);
        }
        String[] parts = term.substring(2).split(" compare ", 2);
        String[] comparison = parts[1].strip().split("\\s+");
        long n = Long.parseLong(comparison[1]);
        long value = switch (comparison[0]) {
            case "<" -> satisfied ? n - 1 : n;
            case "<=" -> satisfied ? n : n + 1;
            case "==" -> satisfied ? n : n + 1;
            case "!=" -> satisfied ? n + 1 : n;
            case ">=" -> satisfied ? n : n - 1;
            case ">" -> satisfied ? n + 1 : n;
            default -> throw new IllegalArgumentException(term);
        };
        return Witness.of(parts[0], Long.toString(value));
    }

    /** Writes the files and directories; returns the host for the reference evaluator. */
    ReferenceSca.Fixture write() throws IOException {
        for (Path dir : directories) {
            Files.createDirectories(dir);
        }
        for (Map.Entry<Path, List<String>> file : files.entrySet()) {
            if (Files.isDirectory(file.getKey())) {
                continue;
            }
            Files.createDirectories(file.getKey().getParent());
            StringBuilder text = new StringBuilder();
            file.getValue().forEach(line -> text.append(line).append(v4 ? "\r\n" : "\n"));
            Files.writeString(file.getKey(), text);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        String end = v4 ? "\r\n" : "\n";
        outputs.forEach((command, lines) -> texts.put(command, String.join(end, lines) + end));
        return new ReferenceSca.Fixture(root, texts, processes);
    }
}
