package org.caart.web.account;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.caart.company.boundary.InvitationView;
import org.caart.company.boundary.Invitations;
import org.caart.company.entity.Invitation;
import org.caart.company.entity.Membership;
import org.caart.platform.InvalidInputException;
import org.caart.web.FormMessages;
import org.caart.web.security.CurrentUser;
import org.caart.web.security.SignIn;

/**
 * The invitation link's page (UC8). Opening it changes nothing; accepting is a POST. A signed-in user with the
 * invited address accepts; someone without an account registers with that address and joins in one step; an
 * existing account is asked to sign in first.
 */
@Named
@ViewScoped
public class InviteBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Invitations invitations;

    @Inject
    CurrentUser user;

    @Inject
    SignIn signIn;

    @Inject
    FacesContext faces;

    private String token;
    private InvitationView invitation;
    private String firstName;
    private String lastName;
    private String password;
    private String confirmation;

    public void load() {
        invitation = invitations.lookup(token);
    }

    public boolean isPending() {
        return invitation.state() == Invitation.State.PENDING;
    }

    /** Signed in with the invited address: one button. */
    public boolean isAcceptable() {
        return isPending() && user.isSignedIn() && user.getEmail().equals(invitation.email());
    }

    public boolean isSignedInAsOther() {
        return isPending() && user.isSignedIn() && !user.getEmail().equals(invitation.email());
    }

    public boolean isSignInNeeded() {
        return isPending() && !user.isSignedIn() && invitation.accountExists();
    }

    public boolean isRegistration() {
        return isPending() && !user.isSignedIn() && !invitation.accountExists();
    }

    public void accept() throws IOException {
        enter(invitations.accept(token, user.sourceAddress()));
    }

    public void register() throws IOException {
        Membership membership;
        try {
            membership = invitations.acceptAsNewUser(token, firstName, lastName, Passwords.chars(password),
                    Passwords.chars(confirmation), user.sourceAddress());
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "register", e);
            return;
        }
        signIn.withPassword(invitation.email(), password);
        enter(membership);
    }

    private void enter(Membership membership) throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/app/dashboard.xhtml?company="
                + membership.getCompany().getId());
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public InvitationView getInvitation() {
        return invitation;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
