package org.caart.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.caart.account.boundary.RememberedSignIns;
import org.caart.account.boundary.SignedIn;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How callers prove who they are. Portal pages: a form login through {@code SecurityContext.authenticate}, kept in
 * the HTTP session (a new session id at login). The operator's REST API under /api (but not the agent API): HTTP
 * Basic on every request and never a session cookie, so no browser session can be ridden across sites to it.
 */
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    static final String CALLER = "caart.caller";
    static final String GROUPS = "caart.groups";
    static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    RememberedSignIns remembered;

    @Inject
    @ConfigProperty(name = "caart.public.url")
    String publicUrl;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (isOperatorApi(request)) {
            return basic(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return formLogin(request, response, context, credential);
        }
        HttpSession session = UrlSessionIds.fromUrl(request) ? null : request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof String caller) {
            @SuppressWarnings("unchecked")
            Set<String> groups = (Set<String>) session.getAttribute(GROUPS);
            return context.notifyContainerAboutLogin(caller, groups);
        }
        Optional<String> token = RememberMeCookie.read(request);
        if (token.isPresent()) {
            Optional<RememberedSignIns.RememberedSignIn> again = remembered.redeem(token.get(),
                    ClientAddress.of(request));
            if (again.isPresent()) {
                RememberMeCookie.write(request, response, again.get().token(), remembered.lifetime(), secureCookies());
                SignedIn signedIn = again.get().signedIn();
                return startSession(request, context, signedIn.email(), signedIn.groups());
            }
            RememberMeCookie.clear(request, response, secureCookies());
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE; // the login page says so; no container error page
        }
        String caller = result.getCallerPrincipal().getName();
        Set<String> groups = Set.copyOf(result.getCallerGroups());
        if (context.getAuthParameters().isRememberMe() && groups.contains(SignedIn.USER)) {
            String token = remembered.issue(caller, ClientAddress.of(request), request.getHeader("User-Agent"));
            RememberMeCookie.write(request, response, token, remembered.lifetime(), secureCookies());
        }
        return startSession(request, context, caller, groups);
    }

    /** A new session (never the one from before the login, against fixation) holding the caller. */
    private static AuthenticationStatus startSession(HttpServletRequest request, HttpMessageContext context,
            String caller, Set<String> groups) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(CALLER, caller);
        session.setAttribute(GROUPS, groups);
        return context.notifyContainerAboutLogin(caller, groups);
    }

    boolean secureCookies() {
        return publicUrl != null && publicUrl.startsWith("https:");
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return unauthorized(response, context);
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(
                        decoded.substring(0, colon), decoded.substring(colon + 1)));
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return context.notifyContainerAboutLogin(result);
                }
            }
            return unauthorized(response, context);
        }
        return context.isProtected() ? unauthorized(response, context) : context.doNothing();
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"This API needs HTTP Basic credentials of a CAaRT account\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static boolean isOperatorApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") && !path.startsWith("/api/agent/") && !path.startsWith("/api/integration/");
    }
}
