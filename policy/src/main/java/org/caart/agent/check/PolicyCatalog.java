package org.caart.agent.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.caart.agent.check.caart.CaartPolicyParser;
import org.caart.agent.check.sca.ScaPolicyParser;

/**
 * Finds and reads policies: the one place that knows every policy format (dispatch by content) and
 * where built-in policies live ({@code org/caart/agent/policies/index.txt} lists them).
 */
public final class PolicyCatalog {

    static final String BUILTIN_FOLDER = "/org/caart/agent/policies/";
    private static final List<PolicyParser> PARSERS = List.of(new CaartPolicyParser(), new ScaPolicyParser());

    private PolicyCatalog() {
    }

    public static Policy parse(String sourceName, String text, PolicyOrigin origin) throws PolicyException {
        PolicyLimits.check(sourceName, text);
        for (PolicyParser parser : PARSERS) {
            if (parser.accepts(sourceName, text)) {
                return parser.parse(sourceName, text, origin);
            }
        }
        throw new PolicyException(sourceName + ": neither a CAaRT policy (caart-policy: 1) nor a Wazuh SCA policy"
                + " (policy: and checks:)");
    }

    public static Policy read(Path file) throws PolicyException {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), PolicyOrigin.LOCAL_FILE);
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Names of the built-in policies (file names without extension), in index order. */
    public static List<String> builtinNames() {
        String index = resource("index.txt").orElse("");
        return index.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(PolicyCatalog::withoutExtension).toList();
    }

    public static Optional<Policy> builtin(String name) throws PolicyException {
        String wanted = withoutExtension(name);
        for (String line : resource("index.txt").orElse("").lines().map(String::strip).toList()) {
            if (!line.isEmpty() && withoutExtension(line).equals(wanted)) {
                String text = resource(line).orElseThrow(() -> new PolicyException("built-in policy " + line
                        + " is listed but missing from the agent"));
                return Optional.of(parse("built-in:" + line, text, PolicyOrigin.BUILTIN));
            }
        }
        return Optional.empty();
    }

    /** A path to a policy file, else a built-in name, else a file name in the agent's policy folder. */
    public static Policy find(String nameOrPath, Path policyFolder) throws PolicyException {
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path)) {
            return read(path);
        }
        Optional<Policy> builtin = builtin(nameOrPath);
        if (builtin.isPresent()) {
            return builtin.get();
        }
        for (String candidate : List.of(nameOrPath, nameOrPath + ".yml", nameOrPath + ".yaml", nameOrPath + ".json")) {
            Path inFolder = policyFolder.resolve(candidate);
            if (Files.isRegularFile(inFolder)) {
                return read(inFolder);
            }
        }
        throw new PolicyException(nameOrPath + ": no such policy file, built-in policy or policy in " + policyFolder);
    }

    static String withoutExtension(String fileName) {
        return fileName.replaceFirst("\\.(ya?ml|json)$", "");
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = PolicyCatalog.class.getResourceAsStream(BUILTIN_FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
