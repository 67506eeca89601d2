package org.caart.web.remediation;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An endpoint of a remediation: its items' count and whether any of its changes can be rolled back. */
public record HostRow(long endpointId, String hostname, int items, boolean rollback) implements Serializable {

    static List<HostRow> of(List<ItemRow> items) {
        Map<Long, HostRow> hosts = new LinkedHashMap<>();
        for (ItemRow item : items) {
            hosts.merge(item.endpointId(), new HostRow(item.endpointId(), item.hostname(), 1, item.rollback()),
                    (a, b) -> new HostRow(a.endpointId(), a.hostname(), a.items() + 1, a.rollback() || b.rollback()));
        }
        return List.copyOf(hosts.values());
    }
}
