package org.caart.agent.check.caart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.caart.agent.check.Check;
import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.PolicyLimits;
import org.yaml.snakeyaml.LoaderOptions;
import org.caart.agent.check.PolicyOrigin;
import org.caart.agent.check.PolicyParser;
import org.caart.agent.platform.common.OsFamily;
import org.caart.contract.agent.v1.Severity;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads CAaRT policies ({@code caart-policy: 1}), YAML or JSON. See docs/policies.md. Scalars are
 * never converted implicitly (YAML's "no" stays "no"), duplicate keys and unknown fields are
 * errors, and every error names the file, the check and the field.
 */
public final class CaartPolicyParser implements PolicyParser {

    public static final String FORMAT = "caart-1";

    private static final Pattern MARKER = Pattern.compile("(?m)^\\s*[{,]?\\s*\"?caart-policy\"?\\s*:");

    enum TargetOs {
        WINDOWS, LINUX, ANY;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public boolean accepts(String fileName, String text) {
        return MARKER.matcher(text).find();
    }

    @Override
    public Policy parse(String sourceName, String text, PolicyOrigin origin) throws PolicyException {
        Fields policy = new Fields(sourceName, "policy", load(sourceName, text));
        String version = policy.text("caart-policy");
        if (!version.equals("1")) {
            throw policy.error("caart-policy", "is version " + version + "; this agent reads version 1");
        }
        String id = policy.text("id");
        String name = policy.text("name");
        String description = policy.text("description", "");
        TargetOs os = policy.choice("os", TargetOs.class, null);
        if (os == null) {
            throw policy.error("os", "is required (windows, linux or any)");
        }
        policy.optionalText("benchmark");
        List<Check> checks = checks(sourceName, policy.objects("checks"), os);
        policy.rejectUnknown();
        OsFamily family = os == TargetOs.ANY ? null : OsFamily.valueOf(os.name());
        return new Policy(id, name, description, FORMAT, origin, checks, List.of(),
                host -> family == null || host.platform().family() == family,
                family == null ? "any operating system" : "a " + family + " host");
    }

    private static Map<?, ?> load(String sourceName, String text) throws PolicyException {
        LoaderOptions options = PolicyLimits.loaderOptions();
        options.setAllowDuplicateKeys(false);
        Resolver plainStrings = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // every scalar stays a string; the format converts and validates each field itself
            }
        };
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, plainStrings);
        try {
            Object document = yaml.load(text);
            if (!(document instanceof Map<?, ?> map)) {
                throw new PolicyException(sourceName + ": a CAaRT policy must be a YAML or JSON object");
            }
            return map;
        } catch (YAMLException e) {
            throw new PolicyException(sourceName + ": not valid YAML/JSON: " + e.getMessage(), e);
        }
    }

    private static List<Check> checks(String sourceName, List<Map<?, ?>> entries, TargetOs os)
            throws PolicyException {
        List<Check> checks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Object rawId = entries.get(i).get("id");
            Fields entry = new Fields(sourceName, "check " + (rawId == null ? "#" + (i + 1) : "'" + rawId + "'"),
                    entries.get(i));
            TypedCheck check = check(entry);
            if (!ids.add(check.info().id())) {
                throw entry.error("id", "is used by more than one check");
            }
            if (os != TargetOs.ANY && !check.family().name().equals(os.name())) {
                throw entry.error("check", "has type " + check.type() + ", which is for " + check.family()
                        + " hosts, but the policy targets " + os);
            }
            checks.add(check);
        }
        return checks;
    }

    private static TypedCheck check(Fields entry) throws PolicyException {
        String id = entry.text("id");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._:\\-]*")) {
            throw entry.error("id", "may contain only letters, digits, '.', '_', ':' and '-'");
        }
        CheckInfo info = new CheckInfo(id, entry.text("title"), entry.text("description", ""),
                entry.text("rationale", ""), entry.text("remediation", ""), severity(entry), entry.list("references"));
        TypedCheck check = CheckTypes.read(info, entry.object("check"));
        entry.rejectUnknown();
        return check;
    }

    private static Severity severity(Fields entry) throws PolicyException {
        Severity severity = entry.choice("severity", Severity.class, null);
        if (severity == null) {
            throw entry.error("severity", "is required (" + List.of(Severity.values()) + ")");
        }
        return severity;
    }
}
