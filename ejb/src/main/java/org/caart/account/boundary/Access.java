package org.caart.account.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.caart.account.entity.Membership;
import org.caart.account.entity.Permission;
import org.caart.account.entity.UserAccount;
import org.caart.platform.ForbiddenException;
import org.caart.platform.NotFoundException;

/**
 * The tenancy gate every boundary passes before it touches company data. The caller comes from the container's
 * security context, never from a parameter. Another company's id answers exactly like a missing one (404), so ids
 * cannot be probed; a member whose role lacks the permission gets 403.
 */
@Stateless
public class Access {

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

    /** The caller's membership in the company, provided its role holds the permission. */
    public Membership require(long companyId, Permission permission) {
        Membership membership = membership(companyId);
        if (!membership.getRole().can(permission)) {
            throw new ForbiddenException("Your role in this company does not allow this");
        }
        return membership;
    }

    public Membership membership(long companyId) {
        UserAccount caller = caller();
        return em.createQuery("SELECT m FROM Membership m JOIN FETCH m.company "
                        + "WHERE m.company.id = :company AND m.user.id = :user", Membership.class)
                .setParameter("company", companyId)
                .setParameter("user", caller.getId())
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Company"));
    }
}
