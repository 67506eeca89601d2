package org.caart.company.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.caart.account.entity.UserAccount;
import org.caart.company.entity.ClientOs;
import org.caart.company.entity.Company;
import org.caart.company.entity.Invitation.State;
import org.junit.jupiter.api.Test;

class InvitationTest {

    private static final Duration VALIDITY = Duration.ofHours(72);
    private static final String FIRST_HASH = "a".repeat(64);
    private static final String SECOND_HASH = "b".repeat(64);

    private final OffsetDateTime sent = OffsetDateTime.parse("2026-11-21T10:00:00Z");
    private final Company company = new Company("Queens Medical Centre", null, ClientOs.WINDOWS_11, "Europe/London",
            sent);
    private final UserAccount owner = account("owner@clinic.example");
    private final Invitation invitation = new Invitation(company, " Ana.Long@Clinic.example ", Role.AUDITOR, owner,
            FIRST_HASH, sent, VALIDITY);

    @Test
    void aNewInvitationIsPendingForItsNormalisedAddress() {
        assertEquals(State.PENDING, invitation.state(sent));
        assertEquals("ana.long@clinic.example", invitation.getEmail());
        assertEquals(Role.AUDITOR, invitation.getRole());
        assertEquals(sent.plus(VALIDITY), invitation.getExpiresAt());
        assertEquals(1, invitation.getSends());
        assertEquals(FIRST_HASH, invitation.getTokenHash());
    }

    @Test
    void pendingUntilTheExpiryInstant() {
        assertEquals(State.PENDING, invitation.state(sent.plus(VALIDITY).minusNanos(1)));
    }

    @Test
    void expiredAtTheExpiryInstantAndAfter() {
        assertEquals(State.EXPIRED, invitation.state(sent.plus(VALIDITY)));
        assertEquals(State.EXPIRED, invitation.state(sent.plus(VALIDITY).plusDays(30)));
    }

    @Test
    void theInvitedAddressAcceptsWhateverItsCase() {
        OffsetDateTime at = sent.plusHours(1);
        invitation.accept(account("ANA.LONG@clinic.example"), at);
        assertEquals(State.ACCEPTED, invitation.state(at));
        assertEquals(State.ACCEPTED, invitation.state(sent.plus(VALIDITY).plusDays(1)), "accepted never expires");
    }

    @Test
    void anInvitationWorksOnlyOnce() {
        UserAccount ana = account("ana.long@clinic.example");
        invitation.accept(ana, sent.plusHours(1));
        assertThrows(IllegalStateException.class, () -> invitation.accept(ana, sent.plusHours(2)));
    }

    @Test
    void anotherAddressCannotAccept() {
        OffsetDateTime at = sent.plusHours(1);
        assertThrows(IllegalArgumentException.class, () -> invitation.accept(account("mallory@clinic.example"), at));
        assertEquals(State.PENDING, invitation.state(at));
    }

    @Test
    void anExpiredInvitationCannotBeAccepted() {
        assertThrows(IllegalStateException.class,
                () -> invitation.accept(account("ana.long@clinic.example"), sent.plus(VALIDITY)));
    }

    @Test
    void aRevokedInvitationCannotBeAcceptedOrResent() {
        OffsetDateTime at = sent.plusHours(1);
        invitation.revoke(at);
        assertEquals(State.REVOKED, invitation.state(at));
        assertThrows(IllegalStateException.class,
                () -> invitation.accept(account("ana.long@clinic.example"), at.plusMinutes(1)));
        assertThrows(IllegalStateException.class, () -> invitation.resend(SECOND_HASH, at.plusMinutes(1), VALIDITY));
        assertEquals(FIRST_HASH, invitation.getTokenHash());
        assertEquals(State.REVOKED, invitation.state(at.plusMinutes(1)));
    }

    @Test
    void anAcceptedInvitationCannotBeResentOrRevoked() {
        OffsetDateTime at = sent.plusHours(1);
        invitation.accept(account("ana.long@clinic.example"), at);
        assertThrows(IllegalStateException.class, () -> invitation.resend(SECOND_HASH, at.plusMinutes(1), VALIDITY));
        invitation.revoke(at.plusMinutes(2));
        assertEquals(State.ACCEPTED, invitation.state(at.plusMinutes(2)));
    }

    @Test
    void resendingReplacesTheTokenAndRestartsTheClock() {
        OffsetDateTime later = sent.plus(VALIDITY).plusHours(5);
        assertEquals(State.EXPIRED, invitation.state(later));

        invitation.resend(SECOND_HASH, later, VALIDITY);

        assertEquals(SECOND_HASH, invitation.getTokenHash());
        assertNotEquals(FIRST_HASH, invitation.getTokenHash());
        assertEquals(later, invitation.getSentAt());
        assertEquals(later.plus(VALIDITY), invitation.getExpiresAt());
        assertEquals(2, invitation.getSends());
        assertEquals(State.PENDING, invitation.state(later));
    }

    @Test
    void aResentInvitationCanBeAcceptedUntilItsNewExpiry() {
        OffsetDateTime later = sent.plus(VALIDITY).plusHours(5);
        invitation.resend(SECOND_HASH, later, VALIDITY);
        OffsetDateTime justBefore = later.plus(VALIDITY).minusSeconds(1);
        invitation.accept(account("ana.long@clinic.example"), justBefore);
        assertEquals(State.ACCEPTED, invitation.state(justBefore));
    }

    @Test
    void aTokenHashIsRequired() {
        assertThrows(NullPointerException.class,
                () -> new Invitation(company, "ana@clinic.example", Role.VIEWER, owner, null, sent, VALIDITY));
        assertThrows(NullPointerException.class, () -> invitation.resend(null, sent.plusHours(1), VALIDITY));
        assertEquals(FIRST_HASH, invitation.getTokenHash());
    }

    private OffsetDateTime created() {
        return sent.minusDays(1);
    }

    private UserAccount account(String email) {
        return new UserAccount(email, "First", "Last", "pbkdf2-hash", created());
    }
}
