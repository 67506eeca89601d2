package org.caart.company.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.caart.account.boundary.Callers;
import org.caart.account.entity.UserAccount;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
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

    @Inject
    Callers callers;

    /** The signed-in caller's account (account's {@link Callers}), for boundaries that also check memberships. */
    public UserAccount caller() {
        return callers.caller();
    }

    public Optional<UserAccount> findCaller() {
        return callers.findCaller();
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
