package org.caart.web.company;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import org.caart.company.boundary.Invitations;
import org.caart.company.boundary.Members;
import org.caart.company.entity.Invitation;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Role;
import org.caart.mail.boundary.Outbox;
import org.caart.platform.InvalidInputException;
import org.caart.web.CompanyTime;
import org.caart.web.FormMessages;
import org.caart.web.MailNotice;
import org.caart.web.security.CurrentUser;

/** Members, their roles and duties, and invitations (UC4, UC8): owners and admins only. */
@Named
@ViewScoped
public class MembersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Members members;

    @Inject
    Invitations invitations;

    @Inject
    CurrentCompany current;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    @Inject
    Outbox outbox;

    @Inject
    CompanyTime time;

    private long companyId;
    private List<MemberRow> rows = List.of();
    private List<InvitationRow> pending = List.of();
    private String inviteEmail;
    private String inviteRole = Role.VIEWER.name();
    private InvitationLink link;

    public void load() {
        companyId = current.id();
        pending = invitations.open(companyId).stream().map(i -> InvitationRow.of(i, time)).toList();
        rows = members.list(companyId).stream().map(MemberRow::of).toList();
    }

    public void save(MemberRow row) {
        members.update(companyId, row.getId(), Role.valueOf(row.getRole()), row.isCiso(), row.isSecurityTech(),
                user.sourceAddress());
        FormMessages.info(faces, "Saved " + row.getEmail());
        load();
    }

    public void remove(MemberRow row) {
        members.remove(companyId, row.getId(), user.sourceAddress());
        FormMessages.info(faces, row.getEmail() + " removed");
        load();
    }

    public void invite() {
        try {
            Invitations.Invited invited = invitations.invite(companyId, inviteEmail, Role.valueOf(inviteRole),
                    user.sourceAddress());
            FormMessages.info(faces, "Invitation sent to " + invited.invitation().getEmail());
            link = InvitationLink.of(invited);
            MailNotice.warnIfUndeliverable(faces, outbox);
            inviteEmail = null;
            load();
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "invite", e);
        }
    }

    public void resend(InvitationRow row) {
        link = InvitationLink.of(invitations.resend(companyId, row.id(), user.sourceAddress()));
        FormMessages.info(faces, "Invitation sent again to " + row.email() + "; the earlier link no longer works");
        MailNotice.warnIfUndeliverable(faces, outbox);
        load();
    }

    /** The link of the invitation made or renewed last on this page, shown once; null otherwise. */
    public InvitationLink getLink() {
        return link;
    }

    public void revoke(InvitationRow row) {
        invitations.revoke(companyId, row.id(), user.sourceAddress());
        FormMessages.info(faces, "Invitation to " + row.email() + " withdrawn");
        load();
    }

    public List<MemberRow> getRows() {
        return rows;
    }

    public List<InvitationRow> getPending() {
        return pending;
    }

    public String getInviteEmail() {
        return inviteEmail;
    }

    public void setInviteEmail(String inviteEmail) {
        this.inviteEmail = inviteEmail;
    }

    public String getInviteRole() {
        return inviteRole;
    }

    public void setInviteRole(String inviteRole) {
        this.inviteRole = inviteRole;
    }

    public record InvitationRow(long id, String email, String role, String sentAt, String expiresAt, boolean expired,
            int sends) implements Serializable {

        static InvitationRow of(Invitation i, CompanyTime time) {
            return new InvitationRow(i.getId(), i.getEmail(), i.getRole().name(), time.of(i.getSentAt()),
                    time.of(i.getExpiresAt()), !i.getExpiresAt().isAfter(OffsetDateTime.now()), i.getSends());
        }
    }

    /** A member as the table edits it: role and duties change in place until saved. */
    public static class MemberRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private long id;
        private String email;
        private String name;
        private String role;
        private boolean ciso;
        private boolean securityTech;

        static MemberRow of(Membership m) {
            MemberRow row = new MemberRow();
            row.id = m.getId();
            row.email = m.getUser().getEmail();
            row.name = m.getUser().displayName();
            row.role = m.getRole().name();
            row.ciso = m.isCiso();
            row.securityTech = m.isSecurityTech();
            return row;
        }

        public long getId() {
            return id;
        }

        public String getEmail() {
            return email;
        }

        public String getName() {
            return name;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public boolean isCiso() {
            return ciso;
        }

        public void setCiso(boolean ciso) {
            this.ciso = ciso;
        }

        public boolean isSecurityTech() {
            return securityTech;
        }

        public void setSecurityTech(boolean securityTech) {
            this.securityTech = securityTech;
        }
    }
}
