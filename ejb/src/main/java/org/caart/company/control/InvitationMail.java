package org.caart.company.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.caart.company.entity.Company;
import org.caart.company.entity.Invitation;
import org.caart.platform.Html;
import org.caart.platform.Times;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The invitation mail: plain text and HTML, the link built from the configured public URL. */
@Dependent
public class InvitationMail {

    @Inject
    @ConfigProperty(name = "caart.public.url")
    String publicUrl;

    public record Mail(String subject, String text, String html) {
    }

    public Mail compose(Invitation invitation, String token) {
        String link = link(token);
        String inviter = invitation.getInvitedBy() == null ? "A CAaRT administrator"
                : invitation.getInvitedBy().displayName() + " (" + invitation.getInvitedBy().getEmail() + ")";
        Company company = invitation.getCompany();
        String companyName = company.getName();
        String role = invitation.getRole().name();
        String expires = Times.human(invitation.getExpiresAt(), Times.zone(company.getTimeZone()));
        String text = inviter + " invited you to join " + companyName + " on CAaRT as " + role + ".\n\n"
                + "Open this link to accept:\n" + link + "\n\n"
                + "The link works once and expires at " + expires + ".\n"
                + "If you did not expect this invitation, ignore this mail.\n";
        String html = "<p>" + Html.escape(inviter) + " invited you to join <strong>" + Html.escape(companyName)
                + "</strong> on CAaRT as " + Html.escape(role) + ".</p>"
                + "<p><a href=\"" + Html.escape(link) + "\">Accept the invitation</a></p>"
                + "<p>The link works once and expires at " + Html.escape(expires) + ".<br>"
                + "If you did not expect this invitation, ignore this mail.</p>";
        return new Mail("Invitation to " + companyName + " on CAaRT", text, html);
    }

    public String link(String token) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/invite.xhtml?token=" + token;
    }
}
