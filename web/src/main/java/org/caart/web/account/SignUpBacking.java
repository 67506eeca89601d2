package org.caart.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.caart.account.boundary.Accounts;
import org.caart.account.boundary.SignUpRequest;
import org.caart.platform.CaartException;
import org.caart.platform.InvalidInputException;
import org.caart.web.security.SignIn;

/**
 * The sign-up page (UC1): on a refusal each problem shows at its field and what was typed stays, except the
 * passwords; on success the new user is signed in and lands on the dashboard.
 */
@Named
@RequestScoped
public class SignUpBacking {

    static final String FORM = "signUp:";

    @Inject
    Accounts accounts;

    @Inject
    SignIn signIn;

    @Inject
    FacesContext faces;

    private String firstName;
    private String lastName;
    private String email;
    private String password;
    private String confirmation;

    public boolean isEnabled() {
        return accounts.signUpEnabled();
    }

    public void signUp() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            accounts.signUp(new SignUpRequest(firstName, lastName, email, Passwords.chars(password),
                    Passwords.chars(confirmation)), request.getRemoteAddr());
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> faces.addMessage(FORM + field,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null)));
            return;
        } catch (CaartException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return;
        }
        signIn.withPassword(email, password);
        external.redirect(external.getRequestContextPath() + "/app/dashboard.xhtml");
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

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
