package org.caart.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.util.List;
import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationFlag;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.remediation.entity.Remediation;
import org.caart.remediation.entity.RemediationItem;
import org.junit.jupiter.api.Test;

class RemediationItemTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T10:00:00Z");

    @Test
    void theBeforeValueOnceKnownIsNeverErasedByALaterReport() {
        RemediationItem item = item("Set it by hand");
        item.report(RemediationAction.PLAN, report(RemediationItemState.PLANNED, null, null), NOW);
        assertTrue(item.isFixable());
        assertEquals(List.of(RemediationFlag.RESTARTS_SERVICE), item.flags());
        item.report(RemediationAction.APPLY, report(RemediationItemState.APPLYING, "absent", null), NOW);
        item.report(RemediationAction.APPLY, report(RemediationItemState.FIXED, null, "0"), NOW);
        assertEquals("absent", item.getBefore());
        assertEquals("0", item.getAfter());
        assertTrue(item.canRollBack());
        item.report(RemediationAction.ROLLBACK, report(RemediationItemState.ROLLED_BACK, "something else", "1"), NOW);
        assertEquals("absent", item.getBefore(), "a rollback report does not replace the journaled before value");
        assertEquals(RemediationItemState.ROLLED_BACK, item.getState());
        assertEquals(RemediationItemState.PLANNED, item.getPlanState());
        assertFalse(item.canRollBack());
    }

    @Test
    void aManualItemKeepsTheChecksRemediationTextWhenTheAgentSendsNone() {
        RemediationItem item = item("Edit /etc/login.defs by hand");
        item.report(RemediationAction.PLAN, new RemediationItemReport("1", "c", "p", RemediationItemState.MANUAL,
                FixKind.MANUAL, "x", null, null, null, null, List.of(), null, null), NOW);
        assertEquals("Edit /etc/login.defs by hand", item.getManualText());
        assertFalse(item.isFixable());
    }

    @Test
    void longTextsAreCutAndNulCharactersReplaced() {
        assertEquals(4000, RemediationItem.cut("x".repeat(5000), 4000).length());
        assertTrue(RemediationItem.cut("x".repeat(5000), 4000).endsWith("…"));
        assertEquals("a\uFFFDb", RemediationItem.cut("a\u0000b", 10));
    }

    private static RemediationItemReport report(RemediationItemState state, String before, String after) {
        return new RemediationItemReport("1", "c", "p", state, FixKind.SSHD_SETTING, "yes", "no", before, after,
                null, List.of(RemediationFlag.RESTARTS_SERVICE), null, NOW.toString());
    }

    private static RemediationItem item(String remediationText) {
        Remediation remediation = new Remediation(1, 7, "r@caart.test", true, NOW);
        try {
            Field id = Remediation.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(remediation, 50L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return new RemediationItem(remediation, 3, "host", 99, "c", "p", "Check", "HIGH", "no", remediationText, NOW);
    }
}
