package org.caart.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.caart.account.boundary.Accounts;
import org.caart.account.boundary.RememberedSignIns;
import org.caart.web.security.CurrentUser;
import org.caart.web.security.RememberMeCookie;

/** Logging out (a POST from the menu): trail entry, remembered sign-in revoked, container logout, session gone. */
@Named
@RequestScoped
public class LogoutBacking {

    @Inject
    Accounts accounts;

    @Inject
    RememberedSignIns remembered;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    public void logout() throws ServletException, IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        user.email().ifPresent(email -> accounts.loggedOut(email, user.sourceAddress()));
        RememberMeCookie.read(request).ifPresent(token -> {
            remembered.revoke(token);
            RememberMeCookie.clear(request, (HttpServletResponse) external.getResponse(), request.isSecure());
        });
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?loggedOut=true");
    }
}
