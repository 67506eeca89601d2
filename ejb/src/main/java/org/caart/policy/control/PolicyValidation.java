package org.caart.policy.control;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caart.agent.check.Check;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyCatalog;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.PolicyOrigin;
import org.caart.platform.InvalidInputException;
import org.caart.policy.entity.PolicyFinding;
import org.caart.policy.entity.PolicyFormat;
import org.caart.policy.entity.UploadedPolicy;

/**
 * Reads an uploaded policy file with the agent's own parser, as a server policy: what the agent will run, what it
 * will report as unsupported, and how many checks need commands (run only on hosts that allow server-sent ones).
 */
public final class PolicyValidation {

    private PolicyValidation() {
    }

    /** What a valid policy file holds. {@code name} is the policy's own name, else the file name. */
    public record Validated(String name, PolicyFormat format, int checkCount, int commandChecks,
                            List<PolicyFinding> findings) {
    }

    public static Validated validate(String fileName, String text) {
        String source = fileName == null || fileName.isBlank() ? "uploaded policy" : fileName.strip();
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("file", "The policy file is empty");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > UploadedPolicy.CONTENT_MAX_BYTES) {
            throw new InvalidInputException("file", "A policy file has at most "
                    + (UploadedPolicy.CONTENT_MAX_BYTES >> 20) + " MiB");
        }
        Policy policy;
        try {
            policy = PolicyCatalog.parse(source, text, PolicyOrigin.SERVER);
        } catch (PolicyException e) {
            throw new InvalidInputException("file", e.getMessage());
        } catch (RuntimeException e) {
            // a shape the parser did not foresee: still the file's fault, and the agent would refuse it too
            throw new InvalidInputException("file", source + ": cannot be read as a policy: " + e.getMessage());
        }
        if (policy.checks().isEmpty()) {
            throw new InvalidInputException("file", source + ": the policy has no checks");
        }
        List<PolicyFinding> findings = policy.unsupported().stream()
                .map(u -> new PolicyFinding(u.checkId(), u.construct(), u.reason())).toList();
        int commandChecks = (int) policy.checks().stream().filter(Check::runsCommands).count();
        String name = policy.name() != null && !policy.name().isBlank() ? policy.name().strip() : source;
        return new Validated(name, policy.format().startsWith("caart") ? PolicyFormat.CAART : PolicyFormat.SCA,
                policy.checks().size(), commandChecks, findings);
    }
}
