package org.caart.agent.remediation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The explicit catalog entries ({@code fixes.yml}) for built-in checks whose expectation is a range or a pattern:
 * the value to set, and for file-content checks the file, key and separator of the line.
 */
public final class CatalogEntries {

    public static final String LOCAL_FILE = "remediation-fixes.yml";

    /** One entry; {@code path}, {@code key} and {@code separator} only for file-content checks. */
    record Entry(String value, String path, String key, String separator) {
    }

    private final Map<String, Entry> entries;

    private CatalogEntries(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static CatalogEntries builtin() {
        try (InputStream in = CatalogEntries.class.getResourceAsStream("fixes.yml")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the agent's fix catalog (fixes.yml) cannot be read", e);
        }
    }

    /**
     * The built-in entries plus the host's own ({@value #LOCAL_FILE} in the agent's configuration folder, same
     * format), for the administrator's local policies; a host entry replaces a built-in one.
     */
    public static CatalogEntries withLocal(Path configFolder) throws IOException {
        Path local = configFolder.resolve(LOCAL_FILE);
        CatalogEntries builtin = builtin();
        if (!Files.isRegularFile(local)) {
            return builtin;
        }
        try {
            Map<String, Entry> merged = new HashMap<>(builtin.entries);
            merged.putAll(parse(Files.readString(local, StandardCharsets.UTF_8)).entries);
            return new CatalogEntries(merged);
        } catch (RuntimeException e) {
            throw new IOException(local + " is not a fix catalog (policy id: check id: {value, path, key,"
                    + " separator}): " + e.getMessage(), e);
        }
    }

    static CatalogEntries parse(String yaml) {
        Map<String, Entry> entries = new HashMap<>();
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (document == null) {
            return new CatalogEntries(entries);
        }
        ((Map<?, ?>) document).forEach((policy, checks) -> ((Map<?, ?>) checks).forEach((check, fields) -> {
            Map<?, ?> f = (Map<?, ?>) fields;
            entries.put(policy + "/" + check, new Entry(text(f, "value"), text(f, "path"), text(f, "key"),
                    text(f, "separator")));
        }));
        return new CatalogEntries(entries);
    }

    Optional<Entry> find(String policyId, String checkId) {
        return Optional.ofNullable(entries.get(policyId + "/" + checkId));
    }

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
