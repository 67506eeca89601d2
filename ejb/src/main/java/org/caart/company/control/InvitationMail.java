package org.caart.company.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.caart.company.entity.Invitation;
import org.caart.platform.Html;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The invitation mail: plain text and HTML, the link built from the configured public URL. */
@Dependent
public class InvitationMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    @Inject
    @ConfigProperty(name = "caart.public.url")
    String publicUrl;

    public record Mail(String subject, String text, String html) {
    }

    public Mail compose(Invitation invitation, String token) {
        String link = link(token);
        String inviter = invitation.getInvitedBy() == null ? "A CAaRT administrator"
                : invitation.getInvitedBy().displayName() + " (" + invitation.getInvitedBy().getEmail() + ")";
        String company = invitation.getCompany().getName();
        String role = invitation.getRole().name();
        String expires = WHEN.format(invitation.getExpiresAt().withOffsetSameInstant(ZoneOffset.UTC));
        String text = inviter + " invited you to join " + company + " on CAaRT as " + role + ".\n\n"
                + "Open this link to accept:\n" + link + "\n\n"
                + "The link works once and expires at " + expires + ".\n"
                + "If you did not expect this invitation, ignore this mail.\n";
        String html = "<p>" + Html.escape(inviter) + " invited you to join <strong>" + Html.escape(company)
                + "</strong> on CAaRT as " + Html.escape(role) + ".</p>"
                + "<p><a href=\"" + Html.escape(link) + "\">Accept the invitation</a></p>"
                + "<p>The link works once and expires at " + Html.escape(expires) + ".<br>"
                + "If you did not expect this invitation, ignore this mail.</p>";
        return new Mail("Invitation to " + company + " on CAaRT", text, html);
    }

    String link(String token) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/invite.xhtml?token=" + token;
    }
}
