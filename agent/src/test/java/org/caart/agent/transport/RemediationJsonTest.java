package org.caart.agent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.OrdersView;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationFlag;
import org.caart.contract.agent.v1.RemediationItemOrder;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationReportView;
import org.junit.jupiter.api.Test;

/** The remediation records on the wire, and the orders of a server that does not know them yet. */
class RemediationJsonTest {

    @Test
    void ordersOfAServerWithoutRemediationHaveNone() throws IOException {
        OrdersView old = Json.read("{\"start\":[],\"stopRunIds\":[\"r1\"]}".getBytes(StandardCharsets.UTF_8),
                OrdersView.class);
        assertEquals(List.of(), old.remediate());
        OrdersView nulls = Json.read("{\"start\":null,\"stopRunIds\":null,\"remediate\":null}"
                .getBytes(StandardCharsets.UTF_8), OrdersView.class);
        assertTrue(nulls.isEmpty());
    }

    @Test
    void aRemediationOrderArrivesAsTheServerWritesIt() throws IOException {
        String json = """
                {"start":[],"stopRunIds":[],"remediate":[{"orderId":"o-1","action":"ROLLBACK","rollbackOf":"o-0",
                 "items":[{"itemId":"i-1","checkId":"deb.net.ipv4-forwarding","policyId":"caart-debian-baseline"}],
                 "policies":[],"futureField":1}]}""";
        RemediationOrderView order = Json.read(json.getBytes(StandardCharsets.UTF_8), OrdersView.class).remediate()
                .get(0);
        assertEquals(new RemediationOrderView("o-1", RemediationAction.ROLLBACK, "o-0",
                List.of(new RemediationItemOrder(
                "i-1", "deb.net.ipv4-forwarding", "caart-debian-baseline")), List.of()), order);
    }

    @Test
    void aReportRoundTrips() throws IOException {
        RemediationReportView report = new RemediationReportView("rep-1", "o-1", RemediationAction.APPLY, 3, true,
                true, null, List.of(new RemediationItemReport("i-1", "deb.ssh.root-login", "caart-debian-baseline",
                        RemediationItemState.FIXED, FixKind.SSHD_SETTING, "yes", "PermitRootLogin no in ...",
                        "/etc/ssh/sshd_config.d/00-caart-remediation.conf absent", "no", null,
                        List.of(RemediationFlag.RESTARTS_SERVICE, RemediationFlag.REMOTE_ACCESS), null,
                        "2026-12-04T21:00:00Z")));
        assertEquals(report, Json.read(Json.write(report), RemediationReportView.class));
    }
}
