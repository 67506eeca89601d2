package org.caart.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationReportView;
import org.caart.platform.InvalidInputException;
import org.caart.remediation.control.ReportJson;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    @Test
    void aReportIsReadWithItsItemsAndUnknownFieldsIgnored() {
        RemediationReportView report = ReportJson.read(bytes("{\"reportId\":\"r1\",\"orderId\":\"o1\","
                + "\"action\":\"APPLY\",\"sequence\":2,\"finished\":true,\"remediationAllowed\":true,\"later\":1,"
                + "\"items\":[{\"itemId\":\"5\",\"state\":\"FIXED\",\"before\":\"absent\",\"after\":\"0\","
                + "\"flags\":[\"NEEDS_REBOOT\"]}]}"));
        assertEquals(RemediationAction.APPLY, report.action());
        assertEquals(RemediationItemState.FIXED, report.items().get(0).state());
        assertEquals("absent", report.items().get(0).before());
    }

    @Test
    void theWrongFieldIsNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ReportJson.read(bytes(
                "{\"reportId\":\"r1\",\"orderId\":\"o1\",\"action\":\"APPLY\",\"sequence\":1,"
                        + "\"items\":[{\"itemId\":\"5\",\"state\":\"MELTED\"}]}")));
        assertTrue(e.fieldErrors().containsKey("items[0].state"), e.fieldErrors().toString());
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> ReportJson.read(bytes(
                "{\"reportId\":\"r1\",\"action\":\"PLAN\",\"sequence\":1,\"items\":[{\"state\":\"PLANNED\"}]}")));
        assertTrue(missing.fieldErrors().containsKey("orderId"), missing.fieldErrors().toString());
        assertTrue(missing.fieldErrors().containsKey("items[0].itemId"), missing.fieldErrors().toString());
        assertTrue(assertThrows(InvalidInputException.class, () -> ReportJson.read(bytes("{oops")))
                .fieldErrors().containsKey("body"));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
