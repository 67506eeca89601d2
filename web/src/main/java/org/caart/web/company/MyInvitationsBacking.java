package org.caart.web.company;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.caart.company.boundary.Invitations;
import org.caart.company.entity.Membership;
import org.caart.platform.Times;
import org.caart.web.FormMessages;
import org.caart.web.security.CurrentUser;

/**
 * Invitations waiting for the signed-in user's own address (dashboard, "My companies"): accepted here without the
 * mailed link, for when no mail arrives.
 */
@Named
@ViewScoped
public class MyInvitationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Invitations invitations;

    @Inject
    CurrentUser user;

    @Inject
    CompanyChoices choices;

    @Inject
    FacesContext faces;

    private List<OfferRow> offers;

    public List<OfferRow> getOffers() {
        if (offers == null) {
            offers = user.isSignedIn() && !user.isOperator()
                    ? invitations.forMe().stream().map(OfferRow::of).toList() : List.of();
        }
        return offers;
    }

    public void accept(OfferRow offer) throws IOException {
        Membership membership = invitations.acceptOffer(offer.id(), user.sourceAddress());
        choices.refresh();
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        FormMessages.info(faces, "You joined " + membership.getCompany().getName() + " as "
                + membership.getRole().name());
        external.redirect(external.getRequestContextPath() + "/app/dashboard.xhtml?company="
                + membership.getCompany().getId());
    }

    public record OfferRow(long id, String companyName, String role, String invitedBy, String expiresAt)
            implements Serializable {

        /** The expiry in the inviting company's zone (the invitee has no company yet). */
        static OfferRow of(Invitations.Offer offer) {
            return new OfferRow(offer.id(), offer.companyName(), offer.role(),
                    offer.invitedBy() == null ? "" : offer.invitedBy(),
                    Times.human(offer.expiresAt(), Times.zone(offer.timeZone())));
        }
    }
}
