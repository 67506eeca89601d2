package org.caart.web.company;

import java.io.Serializable;
import org.caart.company.boundary.Invitations;

/** An invitation's link as the page shows it once, right after it was made: to copy when no mail arrives. */
public record InvitationLink(String email, String role, String link) implements Serializable {

    static InvitationLink of(Invitations.Invited invited) {
        return new InvitationLink(invited.invitation().getEmail(), invited.invitation().getRole().name(),
                invited.link());
    }
}
