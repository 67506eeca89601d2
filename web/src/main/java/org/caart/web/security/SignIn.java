package org.caart.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Signs the current request in with an email and password, through {@link PortalAuthentication}. */
@RequestScoped
public class SignIn {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    public AuthenticationStatus withPassword(String email, String password) {
        return withPassword(email, password, false);
    }

    public AuthenticationStatus withPassword(String email, String password, boolean rememberMe) {
        ExternalContext external = faces.getExternalContext();
        return security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(email, new Password(password)))
                        .rememberMe(rememberMe)
                        .newAuthentication(true));
    }
}
