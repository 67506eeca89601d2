package org.caart.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.caart.platform.ConflictException;
import org.caart.remediation.entity.Remediation;
import org.caart.remediation.entity.RemediationStatus;
import org.junit.jupiter.api.Test;

class RemediationTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T10:00:00Z");

    @Test
    void theRequesterCannotApproveTheirOwnRemediationWhenTheCompanyAsksForASecondMember() {
        Remediation remediation = new Remediation(1, 7, "requester@caart.test", true, NOW);
        remediation.planned(true, NOW);
        ConflictException refused = assertThrows(ConflictException.class,
                () -> remediation.approve(7, "requester@caart.test", NOW));
        assertTrue(refused.getMessage().contains("another member"), refused.getMessage());
        assertEquals(RemediationStatus.PLANNED, remediation.getStatus());
        remediation.approve(8, "approver@caart.test", NOW);
        assertEquals(RemediationStatus.APPLYING, remediation.getStatus());
        assertEquals("approver@caart.test", remediation.getApprovedByEmail());
    }

    @Test
    void withoutTheApprovalSettingTheRequesterAppliesTheirOwnPlan() {
        Remediation remediation = new Remediation(1, 7, "requester@caart.test", false, NOW);
        remediation.planned(true, NOW);
        remediation.approve(7, "requester@caart.test", NOW);
        assertEquals(RemediationStatus.APPLYING, remediation.getStatus());
    }

    @Test
    void anIncompletePlanOrAPlanWithNothingToFixCannotBeApproved() {
        Remediation planning = new Remediation(1, 7, "r@caart.test", true, NOW);
        assertTrue(assertThrows(ConflictException.class, () -> planning.approve(8, "a@caart.test", NOW))
                .getMessage().contains("not complete"));
        Remediation nothing = new Remediation(1, 7, "r@caart.test", true, NOW);
        nothing.planned(false, NOW);
        assertEquals(RemediationStatus.NOTHING_TO_FIX, nothing.getStatus());
        assertThrows(ConflictException.class, () -> nothing.approve(8, "a@caart.test", NOW));
    }

    @Test
    void onlyAnAppliedRemediationRollsBackAndOnlyAnUnapprovedOneIsCancelled() {
        Remediation remediation = new Remediation(1, 7, "r@caart.test", true, NOW);
        assertThrows(ConflictException.class, () -> remediation.rollingBack(NOW));
        remediation.planned(true, NOW);
        remediation.approve(8, "a@caart.test", NOW);
        assertThrows(ConflictException.class, () -> remediation.cancel(NOW));
        remediation.done(NOW);
        remediation.rollingBack(NOW);
        assertEquals(RemediationStatus.ROLLING_BACK, remediation.getStatus());
        remediation.done(NOW);
        assertEquals(RemediationStatus.DONE, remediation.getStatus());
    }
}
