package org.caart.web.api.company;

import org.caart.company.boundary.Invitations;
import org.caart.company.entity.ClientOs.OsFamily;
import org.caart.company.entity.Company;
import org.caart.company.entity.Invitation;
import org.caart.company.entity.Membership;
import org.caart.policy.boundary.BuiltInPolicies;
import org.caart.trail.entity.TrailEvent;

/** The wire records of the company API (never entities). */
public final class CompanyViews {

    private CompanyViews() {
    }

    public record MembershipView(long companyId, String name, String role, boolean ciso, boolean securityTech) {
        static MembershipView of(Membership m) {
            return new MembershipView(m.getCompany().getId(), m.getCompany().getName(), m.getRole().name(),
                    m.isCiso(), m.isSecurityTech());
        }
    }

    public record CompanyView(long id, String name, String postalAddress, String clientOs, String timeZone,
            String createdAt, String defaultWindowsPolicy, String defaultLinuxPolicy) {
        static CompanyView of(Company c) {
            return new CompanyView(c.getId(), c.getName(), c.getPostalAddress(), c.getClientOs().name(),
                    c.getTimeZone(), c.getCreatedAt().toString(),
                    BuiltInPolicies.defaultFor(c, OsFamily.WINDOWS).id(),
                    BuiltInPolicies.defaultFor(c, OsFamily.LINUX).id());
        }
    }

    public record MemberView(long id, String email, String name, String role, boolean ciso, boolean securityTech) {
        static MemberView of(Membership m) {
            return new MemberView(m.getId(), m.getUser().getEmail(), m.getUser().displayName(), m.getRole().name(),
                    m.isCiso(), m.isSecurityTech());
        }
    }

    /** An invitation; {@code link} only in the answer that made or renewed it (the server keeps only its hash). */
    public record InvitationView(long id, String email, String role, String sentAt, String expiresAt, int sends,
            String link) {
        static InvitationView of(Invitation i) {
            return new InvitationView(i.getId(), i.getEmail(), i.getRole().name(), i.getSentAt().toString(),
                    i.getExpiresAt().toString(), i.getSends(), null);
        }

        static InvitationView of(Invitations.Invited invited) {
            Invitation i = invited.invitation();
            return new InvitationView(i.getId(), i.getEmail(), i.getRole().name(), i.getSentAt().toString(),
                    i.getExpiresAt().toString(), i.getSends(), invited.link());
        }
    }

    public record TrailEventView(long id, String occurredAt, String actor, String action, String target, String detail,
            String sourceAddress) {
        static TrailEventView of(TrailEvent e) {
            return new TrailEventView(e.getId(), e.getOccurredAt().toString(), e.getActor(), e.getAction(),
                    e.getTarget(), e.getDetail(), e.getSourceAddress());
        }
    }
}
