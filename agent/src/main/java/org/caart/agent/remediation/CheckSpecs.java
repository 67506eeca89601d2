package org.caart.agent.remediation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reads the {@code check:} objects of a CAaRT policy's text by check id, with scalars kept as written. */
final class CheckSpecs {

    private CheckSpecs() {
    }

    static Map<String, CheckSpec> read(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        Resolver plainStrings = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // scalars stay strings, as the engine's parser reads them
            }
        };
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, plainStrings);
        Map<String, CheckSpec> specs = new HashMap<>();
        try {
            if (yaml.load(text) instanceof Map<?, ?> policy && policy.get("checks") instanceof List<?> checks) {
                for (Object entry : checks) {
                    if (entry instanceof Map<?, ?> check && check.get("check") instanceof Map<?, ?> fields) {
                        specs.put(String.valueOf(check.get("id")), new CheckSpec(String.valueOf(fields.get("type")),
                                fields));
                    }
                }
            }
        } catch (YAMLException e) {
            throw new RemediationException("cannot read the policy's checks: " + e.getMessage(), e);
        }
        return specs;
    }
}
