package org.caart.agent.check.sca;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.caart.agent.check.PolicyException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The rules of a check (or of the requirements) as text. A rule that YAML read as something else, typically a
 * mapping because an unquoted rule holds {@code ": "} ({@code - f:/a -> r:^Key: yes}), refuses the whole policy with
 * its line, as Wazuh 4.x refuses it ("Invalid check: Empty rule"): dropping it would change what the check means.
 */
final class RuleTexts {

    private final String source;
    private final String text;

    RuleTexts(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /**
     * @param rules the {@code rules} node
     * @param owner "check ID" or "requirements", for the message
     * @param path  the keys and indexes leading from the document root to the {@code rules} sequence
     */
    List<String> of(Object rules, String owner, Object... path) throws PolicyException {
        if (!(rules instanceof List<?> list)) {
            return Yamls.strings(rules);
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String rule = Yamls.text(list.get(i));
            if (rule == null || rule.isBlank()) {
                throw new PolicyException(source + ": line " + line(path, i) + ": " + owner + ": rule #" + (i + 1)
                        + " " + problem(list.get(i)));
            }
            texts.add(rule);
        }
        return texts;
    }

    private static String problem(Object rule) {
        if (rule instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            return "is a YAML mapping, not text (an unquoted ': ' starts a mapping); quote the rule: '"
                    + entry.getKey() + ": " + entry.getValue() + "'";
        }
        if (rule instanceof Map || rule instanceof List) {
            return "is a YAML " + (rule instanceof Map ? "mapping" : "list") + ", not text; quote the rule";
        }
        return "is empty";
    }

    /** The 1-based line of item {@code index} of the sequence at {@code path}, or "?" when it cannot be found. */
    private String line(Object[] path, int index) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 << 20);
        options.setAllowDuplicateKeys(true);
        Node node = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        for (Object step : path) {
            node = step instanceof Integer i ? item(node, i) : value(node, (String) step);
        }
        Node rule = item(node, index);
        return rule == null ? "?" : Integer.toString(rule.getStartMark().getLine() + 1);
    }

    private static Node item(Node node, int index) {
        return node instanceof SequenceNode sequence && index < sequence.getValue().size()
                ? sequence.getValue().get(index) : null;
    }

    private static Node value(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            Node found = null;
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    found = tuple.getValueNode();
                }
            }
            return found;
        }
        return null;
    }
}
