package org.caart.agent.run;

import java.util.Optional;

import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyCatalog;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.PolicyOrigin;
import org.caart.contract.agent.v1.AuditOrderView;

/**
 * The policy an order names: an uploaded policy sent in full ({@code policyContent}, CAaRT or SCA, recognised by its
 * content; it comes from the server, so its command checks run only where the host allows it), or one of the agent's
 * built-in policies by its file name or id.
 */
final class OrderPolicies {

    private OrderPolicies() {
    }

    static Policy resolve(AuditOrderView order) throws PolicyException {
        if (order.policyContent() != null && !order.policyContent().isBlank()) {
            String source = "server policy " + (order.policyName() != null ? order.policyName() : order.policyId());
            return PolicyCatalog.parse(source, order.policyContent(), PolicyOrigin.SERVER);
        }
        if (order.policyId() == null || order.policyId().isBlank()) {
            throw new PolicyException("the order names no policy");
        }
        Optional<Policy> byName = PolicyCatalog.builtin(order.policyId());
        if (byName.isPresent()) {
            return byName.get();
        }
        for (String name : PolicyCatalog.builtinNames()) {
            Policy policy = PolicyCatalog.builtin(name).orElseThrow();
            if (policy.id().equals(order.policyId())) {
                return policy;
            }
        }
        throw new PolicyException("this agent has no built-in policy '" + order.policyId() + "' (it has "
                + String.join(", ", PolicyCatalog.builtinNames()) + "); update the agent");
    }
}
