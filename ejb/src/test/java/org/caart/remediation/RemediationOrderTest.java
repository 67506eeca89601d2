package org.caart.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.util.List;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.remediation.entity.OrderStatus;
import org.caart.remediation.entity.Remediation;
import org.caart.remediation.entity.RemediationOrder;
import org.junit.jupiter.api.Test;

class RemediationOrderTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T10:00:00Z");

    @Test
    void onlyANewerReportCountsAndAFinishedOrderTakesNoMore() {
        RemediationOrder order = new RemediationOrder(remediation(), 3, RemediationAction.APPLY, null,
                List.of(51L, 52L), NOW);
        assertEquals(List.of(51L, 52L), order.itemIds());
        assertTrue(order.report(1, false, true, null, NOW));
        assertEquals(OrderStatus.TAKEN, order.getStatus());
        assertFalse(order.report(1, false, true, null, NOW), "a resend");
        assertTrue(order.report(3, false, true, null, NOW));
        assertFalse(order.report(2, true, true, null, NOW), "an older report arriving late");
        assertTrue(order.isOpen());
        assertTrue(order.report(4, true, false, "refused", NOW));
        assertEquals(OrderStatus.FINISHED, order.getStatus());
        assertEquals("refused", order.getMessage());
        assertFalse(order.report(5, false, true, null, NOW), "nothing after the finished report");
        order.cancel();
        assertEquals(OrderStatus.FINISHED, order.getStatus(), "only an order not taken yet is cancelled");
    }

    @Test
    void exactlyARollbackNamesTheOrderItRollsBack() {
        assertThrows(IllegalArgumentException.class, () -> new RemediationOrder(remediation(), 3,
                RemediationAction.ROLLBACK, null, List.of(51L), NOW));
        assertThrows(IllegalArgumentException.class, () -> new RemediationOrder(remediation(), 3,
                RemediationAction.APPLY, "some-order", List.of(51L), NOW));
        assertThrows(IllegalArgumentException.class, () -> new RemediationOrder(remediation(), 3,
                RemediationAction.PLAN, null, List.of(), NOW));
    }

    private static Remediation remediation() {
        Remediation remediation = new Remediation(1, 7, "r@caart.test", true, NOW);
        try {
            Field id = Remediation.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(remediation, 50L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return remediation;
    }
}
