package org.caart.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.caart.account.boundary.Accounts;
import org.caart.platform.InvalidInputException;
import org.caart.web.security.CurrentUser;

/** Changing one's password (required after a one-time password); then signing in again with the new one. */
@Named
@RequestScoped
public class ChangePasswordBacking {

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private String oldPassword;
    private String newPassword;
    private String confirmation;

    public void change() throws ServletException, IOException {
        try {
            accounts.changePassword(user.getEmail(), Passwords.chars(oldPassword), Passwords.chars(newPassword),
                    Passwords.chars(confirmation),
                    user.sourceAddress());
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> faces.addMessage("changePassword:" + field,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null)));
            return;
        }
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?passwordChanged=true");
    }

    public String getOldPassword() {
        return oldPassword;
    }

    public void setOldPassword(String oldPassword) {
        this.oldPassword = oldPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
