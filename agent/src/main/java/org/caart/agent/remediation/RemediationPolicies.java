package org.caart.agent.remediation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyCatalog;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.PolicyOrigin;
import org.caart.contract.agent.v1.RemediationPolicyView;

/**
 * Finds the policies an order names: one sent in the order ({@code upload:<id>}, read as a server policy), a
 * built-in policy by file name or id, or (from the command line) a policy file. Each is read once per order.
 */
final class RemediationPolicies {

    private static final String BUILTIN = "/org/caart/agent/policies/";

    private final List<RemediationPolicyView> sent;
    private final Map<String, RemediationPolicy> read = new HashMap<>();

    RemediationPolicies(List<RemediationPolicyView> sent) {
        this.sent = sent;
    }

    RemediationPolicy resolve(String policyId) throws PolicyException {
        if (policyId == null || policyId.isBlank()) {
            throw new PolicyException("the item names no policy");
        }
        RemediationPolicy known = read.get(policyId);
        if (known == null) {
            known = load(policyId);
            read.put(policyId, known);
        }
        return known;
    }

    private RemediationPolicy load(String policyId) throws PolicyException {
        Optional<RemediationPolicyView> inOrder = sent.stream().filter(p -> policyId.equals(p.policyId())
                && p.policyContent() != null).findFirst();
        if (inOrder.isPresent()) {
            String name = inOrder.get().policyName() == null ? policyId : inOrder.get().policyName();
            return of(policyId, "server policy " + name, inOrder.get().policyContent(), PolicyOrigin.SERVER);
        }
        for (String file : builtinFiles()) {
            String text = resource(file).orElseThrow(() -> new PolicyException("built-in policy " + file
                    + " is missing"));
            RemediationPolicy builtin = of(policyId, "built-in:" + file, text, PolicyOrigin.BUILTIN);
            if (file.replaceFirst("\\.(ya?ml|json)$", "").equals(policyId) || builtin.policy().id().equals(policyId)) {
                return builtin;
            }
        }
        Path file = Path.of(policyId);
        if (Files.isRegularFile(file)) {
            try {
                return of(policyId, file.toString(), Files.readString(file, StandardCharsets.UTF_8),
                        PolicyOrigin.LOCAL_FILE);
            } catch (IOException e) {
                throw new PolicyException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
        throw new PolicyException("no policy '" + policyId + "': neither sent with the order, a built-in policy ("
                + String.join(", ", PolicyCatalog.builtinNames()) + ") nor a policy file");
    }

    private static RemediationPolicy of(String requestedId, String source, String text, PolicyOrigin origin)
            throws PolicyException {
        Policy policy = PolicyCatalog.parse(source, text, origin);
        RemediationPolicy parsed = new RemediationPolicy(requestedId, policy, Map.of());
        return parsed.typed() ? new RemediationPolicy(requestedId, policy, CheckSpecs.read(text)) : parsed;
    }

    private static List<String> builtinFiles() {
        return resource("index.txt").orElse("").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = RemediationPolicies.class.getResourceAsStream(BUILTIN + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the agent's built-in policy " + name, e);
        }
    }
}
