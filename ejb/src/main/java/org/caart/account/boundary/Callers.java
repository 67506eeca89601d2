package org.caart.account.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.caart.account.entity.UserAccount;
import org.caart.platform.ForbiddenException;

/** The signed-in caller's account, from the container's security context (never from a parameter). */
@Stateless
public class Callers {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    public UserAccount caller() {
        return findCaller().orElseThrow(() -> new ForbiddenException("Sign in first"));
    }

    public Optional<UserAccount> findCaller() {
        String name = context.getCallerPrincipal() == null ? null : context.getCallerPrincipal().getName();
        if (name == null || name.isBlank() || "ANONYMOUS".equals(name)) {
            return Optional.empty();
        }
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email", UserAccount.class)
                .setParameter("email", UserAccount.normalizeEmail(name))
                .getResultStream().findFirst();
    }
}
