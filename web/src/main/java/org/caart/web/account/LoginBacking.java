package org.caart.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import org.caart.account.boundary.Accounts;
import org.caart.account.boundary.SignedIn;
import org.caart.web.security.CurrentUser;
import org.caart.web.security.SignIn;

/**
 * The login page: one generic message for any wrong email or password, another when repeated failures locked
 * sign-in for a while; after success, back to the page that asked for the login (local pages only).
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    SignIn signIn;

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser user;

    @NotBlank
    private String email;

    @NotBlank
    private String password;

    private boolean rememberMe;

    private String next;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = signIn.withPassword(email, password, rememberMe);
        password = null;
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath()
                    + (security.isCallerInRole(SignedIn.PASSWORD_CHANGE) ? "/change-password.xhtml" : target()));
            case SEND_CONTINUE -> faces.responseComplete();
            default -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    accounts.isLockedOut(email, user.sourceAddress())
                            ? "Too many failed sign-in attempts. Wait a while before you try again."
                            : "Invalid credentials", null));
        }
    }

    /** Only a path inside the portal: never another host (open redirect). */
    String target() {
        if (next != null && next.matches("/(app/|invite\\.xhtml)[A-Za-z0-9/._?=&%-]*")) {
            return next;
        }
        return "/app/dashboard.xhtml";
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isRememberMe() {
        return rememberMe;
    }

    public void setRememberMe(boolean rememberMe) {
        this.rememberMe = rememberMe;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
