package org.caart.company.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;
import org.caart.company.entity.Invitation;

/**
 * What the holder of an invitation link may see: the company, the invited address and role, who invited, and
 * whether the address already has an account (then it must sign in to accept).
 */
public record InvitationView(String companyName, String email, String role, String invitedBy,
        Invitation.State state, OffsetDateTime expiresAt, boolean accountExists) implements Serializable {
}
