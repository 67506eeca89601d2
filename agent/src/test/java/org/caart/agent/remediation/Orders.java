package org.caart.agent.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationItemOrder;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationPolicyView;
import org.caart.contract.agent.v1.RemediationReportView;

/** Orders for tests: one item per check id, all of one policy sent with the order. */
final class Orders {

    private Orders() {
    }

    static RemediationOrderView of(RemediationAction action, String rollbackOf, String policyText, String... checks) {
        List<RemediationItemOrder> items = new ArrayList<>();
        for (String check : checks) {
            items.add(new RemediationItemOrder("item-" + check, check, "upload:1"));
        }
        return new RemediationOrderView(UUID.randomUUID().toString(), action, rollbackOf, items,
                List.of(new RemediationPolicyView("upload:1", "test policy", "CAART", policyText)));
    }

    static RemediationItemState state(RemediationReportView report, String check) {
        return item(report, check).state();
    }

    static RemediationItemReport item(RemediationReportView report, String check) {
        return report.items().stream().filter(i -> i.checkId().equals(check)).findFirst().orElseThrow();
    }
}
