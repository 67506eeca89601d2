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
import org.caart.account.boundary.SignedIn;
import org.caart.web.security.SignIn;

/** The login page: one generic message for any failure. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    SignIn signIn;

    @NotBlank
    private String email;

    @NotBlank
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = signIn.withPassword(email, password);
        password = null;
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath()
                    + (security.isCallerInRole(SignedIn.PASSWORD_CHANGE) ? "/change-password.xhtml"
                            : "/app/dashboard.xhtml"));
            case SEND_CONTINUE -> faces.responseComplete();
            default -> faces.addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, "Invalid credentials", null));
        }
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
}
