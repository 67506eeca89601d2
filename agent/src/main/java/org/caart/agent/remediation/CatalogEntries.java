package org.caart.agent.remediation;

import java.io.IOException;
import java.io.InputStream;
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
final class CatalogEntries {

    /** One entry; {@code path}, {@code key} and {@code separator} only for file-content checks. */
    record Entry(String value, String path, String key, String separator) {
    }

    private final Map<String, Entry> entries;

    private CatalogEntries(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static CatalogEntries builtin() {
        try (InputStream in = CatalogEntries.class.getResourceAsStream("fixes.yml")) {
            Map<String, Entry> entries = new HashMap<>();
            Map<?, ?> policies = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            policies.forEach((policy, checks) -> ((Map<?, ?>) checks).forEach((check, fields) -> {
                Map<?, ?> f = (Map<?, ?>) fields;
                entries.put(policy + "/" + check, new Entry(text(f, "value"), text(f, "path"), text(f, "key"),
                        text(f, "separator")));
            }));
            return new CatalogEntries(entries);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the agent's fix catalog (fixes.yml) cannot be read", e);
        }
    }

    Optional<Entry> find(String policyId, String checkId) {
        return Optional.ofNullable(entries.get(policyId + "/" + checkId));
    }

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
