package org.caart.agent.check.sca;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.caart.agent.check.Check;
import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.PolicyLimits;
import org.yaml.snakeyaml.LoaderOptions;
import org.caart.agent.check.PolicyOrigin;
import org.caart.agent.check.PolicyParser;
import org.caart.agent.check.Unsupported;
import org.caart.contract.agent.v1.Severity;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads Wazuh SCA policies. The 5.x shape is recognised by checks with {@code name}, an object
 * {@code compliance} or {@code mitre}; the 4.x shape by checks with {@code title} or list-style
 * {@code compliance}. 5.x regexes are PCRE2, 4.x regexes OS_Regex, unless {@code policy.regex_type}
 * or a check's {@code regex_type} says {@code pcre2} or {@code osregex}.
 */
public final class ScaPolicyParser implements PolicyParser {

    private static final Pattern CHECKS = Pattern.compile("(?m)^checks\\s*:");
    private static final Pattern POLICY = Pattern.compile("(?m)^policy\\s*:");

    @Override
    public boolean accepts(String fileName, String text) {
        return CHECKS.matcher(text).find() && POLICY.matcher(text).find();
    }

    @Override
    public Policy parse(String sourceName, String text, PolicyOrigin origin) throws PolicyException {
        Map<String, Object> root = load(sourceName, text);
        Map<String, Object> policy = Yamls.map(root.get("policy"));
        if (policy == null || Yamls.text(policy.get("id")) == null) {
            throw new PolicyException(sourceName + ": a Wazuh SCA policy needs 'policy:' with an 'id'");
        }
        if (!(root.get("checks") instanceof List<?> checkNodes)) {
            throw new PolicyException(sourceName + ": a Wazuh SCA policy needs a 'checks:' list");
        }
        boolean v5 = isVersion5(checkNodes);
        ScaVersion version = v5 ? ScaVersion.V5 : ScaVersion.V4;
        RegexDialect policyDialect = dialect(Yamls.text(policy.get("regex_type")), v5 ? RegexDialect.PCRE2 : RegexDialect.OS_REGEX,
                sourceName, "policy");
        Variables variables = Variables.of(Yamls.map(root.get("variables")));
        RuleTexts ruleTexts = new RuleTexts(sourceName, text);
        List<Unsupported> unsupported = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        int index = 0;
        for (Object node : checkNodes) {
            index++;
            Map<String, Object> check = Yamls.map(node);
            if (check == null) {
                throw new PolicyException(sourceName + ": check #" + index + " is not a mapping");
            }
            checks.add(check(sourceName, index, check, policyDialect, version, variables, unsupported,
                    ruleTexts.of(check.get("rules"),
                            "check " + java.util.Objects.requireNonNullElse(Yamls.text(check.get("id")), "#" + index),
                            "checks", index - 1, "rules")));
        }
        Map<String, Object> requirementsNode = Yamls.map(root.get("requirements"));
        Requirements requirements = requirements(sourceName, requirementsNode, policyDialect, version, variables,
                unsupported,
                requirementsNode == null ? List.of()
                        : ruleTexts.of(requirementsNode.get("rules"), "requirements", "requirements", "rules"));
        return new Policy(Yamls.text(policy.get("id")), firstText(policy, "name", "title"),
                Yamls.text(policy.get("description")), v5 ? "wazuh-sca-5" : "wazuh-sca-4", origin, checks,
                unsupported, requirements::isMet, requirements.text());
    }

    private static Map<String, Object> load(String sourceName, String text) throws PolicyException {
        LoaderOptions options = PolicyLimits.loaderOptions();
        options.setAllowDuplicateKeys(true);
        try {
            Map<String, Object> root = Yamls.map(new Yaml(new SafeConstructor(options)).load(text));
            if (root == null) {
                throw new PolicyException(sourceName + ": not a YAML mapping");
            }
            return root;
        } catch (YAMLException e) {
            throw new PolicyException(sourceName + ": invalid YAML: " + e.getMessage(), e);
        }
    }

    static boolean isVersion5(List<?> checks) {
        for (Object node : checks) {
            Map<String, Object> check = Yamls.map(node);
            if (check == null) {
                continue;
            }
            if (check.containsKey("mitre") || check.get("compliance") instanceof Map
                    || (check.containsKey("name") && !check.containsKey("title"))) {
                return true;
            }
            if (check.containsKey("title") || check.get("compliance") instanceof List) {
                return false;
            }
        }
        return false;
    }

    private static RegexDialect dialect(String regexType, RegexDialect fallback, String source, String where)
            throws PolicyException {
        if (regexType == null) {
            return fallback;
        }
        return switch (regexType.strip().toLowerCase()) {
            case "pcre2" -> RegexDialect.PCRE2;
            case "osregex", "os_regex" -> RegexDialect.OS_REGEX;
            default -> throw new PolicyException(source + ": " + where + " has unknown regex_type '" + regexType
                    + "' (expected pcre2 or osregex)");
        };
    }

    private static Check check(String source, int index, Map<String, Object> node, RegexDialect policyDialect,
                               ScaVersion version, Variables variables, List<Unsupported> unsupported,
                               List<String> ruleTexts)
            throws PolicyException {
        String id = Yamls.text(node.get("id"));
        if (id == null) {
            throw new PolicyException(source + ": check #" + index + " has no id");
        }
        RegexDialect dialect = dialect(Yamls.text(node.get("regex_type")), policyDialect, source, "check " + id);
        CheckInfo info = new CheckInfo(id, firstText(node, "name", "title"), Yamls.text(node.get("description")),
                Yamls.text(node.get("rationale")), remediation(node), Severity.MEDIUM, references(node));
        String conditionText = Yamls.text(node.get("condition"));
        Condition condition = Condition.of(conditionText);
        String problem = null;
        if (condition == null) {
            problem = "condition '" + conditionText + "' (expected all, any or none)";
            unsupported.add(new Unsupported(id, "condition: " + conditionText, problem));
        }
        List<Rule> rules = rules(id, ruleTexts, dialect, version, variables, unsupported);
        return new ScaCheck(info, condition, rules, problem);
    }

    static List<Rule> rules(String checkId, List<String> texts, RegexDialect dialect, ScaVersion version,
                            Variables variables, List<Unsupported> unsupported) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : texts) {
            String text = variables.apply(raw);
            try {
                rules.add(RuleParser.parse(text, dialect, version));
            } catch (UnsupportedRegexException e) {
                unsupported.add(new Unsupported(checkId, text, e.getMessage()));
                rules.add(new UnsupportedRule(text, typeOf(text), e.getMessage()));
            }
        }
        return rules;
    }

    private static RuleType typeOf(String text) {
        String rule = text.strip().replaceFirst("^not\\s+", "");
        int colon = rule.indexOf(':');
        return colon < 0 ? null : RuleType.ofPrefix(rule.substring(0, colon));
    }

    private static Requirements requirements(String source, Map<String, Object> node, RegexDialect dialect,
                                             ScaVersion version, Variables variables, List<Unsupported> unsupported,
                                             List<String> ruleTexts) throws PolicyException {
        if (node == null) {
            return Requirements.NONE;
        }
        String conditionText = Yamls.text(node.get("condition"));
        Condition condition = Condition.of(conditionText);
        if (condition == null) {
            throw new PolicyException(source + ": requirements have an unknown condition '" + conditionText + "'");
        }
        String title = firstText(node, "name", "title");
        List<Rule> rules = rules("requirements", ruleTexts, dialect, version, variables, unsupported);
        return new Requirements(title == null ? "policy requirements" : title, condition, rules);
    }

    private static String remediation(Map<String, Object> node) {
        String remediation = Yamls.text(node.get("remediation"));
        String impact = Yamls.text(node.get("impact"));
        return impact == null ? remediation : (remediation == null ? "" : remediation) + "\nImpact: " + impact;
    }

    private static List<String> references(Map<String, Object> node) {
        List<String> references = new ArrayList<>(Yamls.strings(node.get("references")));
        Object compliance = node.get("compliance");
        Map<String, Object> flat = new LinkedHashMap<>();
        if (compliance instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flat.put(String.valueOf(k), v));
        } else if (compliance instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> entry = Yamls.map(item);
                if (entry != null) {
                    flat.putAll(entry);
                }
            }
        }
        flat.forEach((standard, values) -> Yamls.strings(values).forEach(v -> references.add(standard + ": " + v)));
        return references;
    }

    private static String firstText(Map<String, Object> node, String... keys) {
        for (String key : keys) {
            String text = Yamls.text(node.get(key));
            if (text != null) {
                return text;
            }
        }
        return null;
    }
}
