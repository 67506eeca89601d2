package org.caart.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import org.caart.account.boundary.Accounts;

/** Checks email and password against the accounts; the groups are USER, plus OPERATOR for the platform operator. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        return accounts.authenticate(credential.getCaller(), credential.getPassword().getValue(),
                        ClientAddress.of(request), !api)
                .map(signedIn -> new CredentialValidationResult(signedIn.email(), signedIn.groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
