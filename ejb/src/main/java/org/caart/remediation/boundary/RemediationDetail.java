package org.caart.remediation.boundary;

import java.util.List;
import org.caart.remediation.entity.Remediation;
import org.caart.remediation.entity.RemediationItem;
import org.caart.remediation.entity.RemediationOrder;

/** A remediation with its items (by host and check) and the orders sent to the agents (oldest first). */
public record RemediationDetail(Remediation remediation, List<RemediationItem> items,
        List<RemediationOrder> orders) {

    public RemediationDetail {
        items = List.copyOf(items);
        orders = List.copyOf(orders);
    }
}
