package org.caart.waiver.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.caart.platform.ConflictException;
import org.caart.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class WaiverTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-10T09:00:00Z");
    static final long REQUESTER = 1;
    static final long OTHER = 2;

    static Waiver.Terms terms(LocalDate expiresOn) {
        return Waiver.Terms.of(WaiverScope.TAG, null, " Web ", "Legacy app needs it", "CHG-42", expiresOn, TODAY,
                BERLIN, 30);
    }

    static Waiver waiver() {
        return new Waiver(5, new Waiver.CheckRef("pol", "chk", "Title", "HIGH"), terms(TODAY.plusDays(30)),
                REQUESTER, "asker@caart.test", NOW);
    }

    @Test
    void theExpiryEndsWithItsDayInTheCompanysTimeZone() {
        Waiver.Terms t = terms(TODAY.plusDays(30));
        assertEquals(OffsetDateTime.parse("2026-04-09T22:00:00Z").toInstant(), t.expiresAt().toInstant());
        assertEquals("web", t.tag());
        assertEquals("CHG-42", t.ticket());
    }

    @Test
    void reasonAndExpiryAreRequiredAndTheLimitHolds() {
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> Waiver.Terms.of(
                WaiverScope.COMPANY, null, null, " ", null, null, TODAY, BERLIN, 30));
        assertTrue(missing.fieldErrors().containsKey("reason"));
        assertTrue(missing.fieldErrors().containsKey("expiresOn"));
        InvalidInputException tooLong = assertThrows(InvalidInputException.class, () -> terms(TODAY.plusDays(31)));
        assertTrue(tooLong.fieldErrors().get("expiresOn").contains("at most 30 days"));
        assertThrows(InvalidInputException.class, () -> terms(TODAY.minusDays(1)));
        InvalidInputException noEndpoint = assertThrows(InvalidInputException.class, () -> Waiver.Terms.of(
                WaiverScope.ENDPOINT, null, null, "r", null, TODAY, TODAY, BERLIN, 30));
        assertTrue(noEndpoint.fieldErrors().containsKey("endpointId"));
    }

    @Test
    void theRequesterCannotApproveOrRejectTheirOwnRequest() {
        Waiver w = waiver();
        ConflictException refused = assertThrows(ConflictException.class,
                () -> w.approve(REQUESTER, "asker@caart.test", null, NOW));
        assertTrue(refused.getMessage().startsWith("You requested this exception"), refused.getMessage());
        assertThrows(ConflictException.class, () -> w.reject(REQUESTER, "asker@caart.test", null, NOW));
        assertEquals(WaiverStatus.REQUESTED, w.getStatus());
        assertEquals(null, w.getDecidedByEmail());
    }

    @Test
    void anotherMemberApprovesAndItIsInForceUntilItsExpiry() {
        Waiver w = waiver();
        w.approve(OTHER, "boss@caart.test", "ok", NOW);
        assertEquals(WaiverStatus.APPROVED, w.getStatus());
        assertTrue(w.inForceAt(NOW));
        assertTrue(w.inForceAt(w.getExpiresAt().minusSeconds(1)));
        assertFalse(w.inForceAt(w.getExpiresAt()));
        assertFalse(w.expire(w.getExpiresAt().minusSeconds(1)));
        assertTrue(w.expire(w.getExpiresAt()));
        assertEquals(WaiverStatus.EXPIRED, w.getStatus());
        assertThrows(ConflictException.class, () -> w.approve(OTHER, "boss@caart.test", null, NOW));
    }

    @Test
    void aChangedValueReopensAnApprovedExceptionOnly() {
        Waiver w = waiver();
        assertFalse(w.reopenOnEvidence("changed", NOW), "a request waiting for a decision stays as it is");
        w.approve(OTHER, "boss@caart.test", null, NOW);
        assertTrue(w.reopenOnEvidence("host-1 now reports x", NOW.plusDays(1)));
        assertEquals(WaiverStatus.REOPENED, w.getStatus());
        assertFalse(w.inForceAt(NOW.plusDays(1)));
        w.approve(OTHER, "boss@caart.test", null, NOW.plusDays(2));
        assertEquals(WaiverStatus.APPROVED, w.getStatus());
    }

    @Test
    void aRejectedExceptionCanBeReopenedWithNewTerms() {
        Waiver w = waiver();
        assertThrows(ConflictException.class, () -> w.reopen(terms(TODAY.plusDays(5)), NOW));
        w.reject(OTHER, "boss@caart.test", "no", NOW);
        w.reopen(terms(TODAY.plusDays(5)), NOW);
        assertEquals(WaiverStatus.REQUESTED, w.getStatus());
        assertEquals(TODAY.plusDays(5), w.getExpiresOn());
    }

    @Test
    void anExpiredRequestCannotBeApproved() {
        Waiver w = waiver();
        assertThrows(ConflictException.class, () -> w.approve(OTHER, "boss@caart.test", null,
                w.getExpiresAt().plusSeconds(1)));
        assertEquals(WaiverStatus.REQUESTED, w.getStatus());
    }
}
