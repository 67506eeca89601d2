package org.caart.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.caart.account.boundary.Accounts;
import org.caart.web.security.CurrentUser;

/** Logging out (a POST from the menu): trail entry, container logout, session gone. */
@Named
@RequestScoped
public class LogoutBacking {

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    public void logout() throws ServletException, IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        user.email().ifPresent(email -> accounts.loggedOut(email, user.sourceAddress()));
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?loggedOut=true");
    }
}
