package org.caart.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.caart.account.boundary.SignedIn;

/** Who is calling, for pages and resources: the email they signed in with and their portal-wide groups. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    public Optional<String> email() {
        return Optional.ofNullable(security.getCallerPrincipal()).map(Principal::getName);
    }

    public String getEmail() {
        return email().orElse("");
    }

    public boolean isSignedIn() {
        return security.isCallerInRole(SignedIn.USER);
    }

    public boolean isOperator() {
        return security.isCallerInRole(SignedIn.OPERATOR);
    }

    public String sourceAddress() {
        return ClientAddress.of(request);
    }
}
