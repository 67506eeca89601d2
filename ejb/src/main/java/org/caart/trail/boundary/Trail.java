package org.caart.trail.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.caart.account.boundary.Access;
import org.caart.account.entity.Permission;
import org.caart.trail.entity.TrailEvent;

/** Writes and reads the security audit trail. */
@Stateless
public class Trail {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Access access;

    /** Records an event as part of the caller's transaction: it exists exactly when the action happened. */
    public void record(Long companyId, Long actorId, String actor, String action, String target, String detail,
            String sourceAddress) {
        em.persist(new TrailEvent(OffsetDateTime.now(clock), companyId, actorId, actor, action, target, detail,
                sourceAddress));
    }

    /** Records an event that must survive the caller's rollback (a refused sign-in, a rejected request). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(Long companyId, Long actorId, String actor, String action, String target,
            String detail, String sourceAddress) {
        record(companyId, actorId, actor, action, target, detail, sourceAddress);
    }

    /** The newest events of the whole platform: the platform operator's view. */
    @RolesAllowed("OPERATOR")
    public List<TrailEvent> latest(int max) {
        return em.createQuery("SELECT e FROM TrailEvent e ORDER BY e.occurredAt DESC, e.id DESC", TrailEvent.class)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * The company's own trail, newest first, for its owners and admins. {@code text} (optional) must occur in the
     * actor, action, target, detail or source address, ignoring case.
     */
    public List<TrailEvent> forCompany(long companyId, String text, int max) {
        access.require(companyId, Permission.VIEW_TRAIL);
        String pattern = text == null || text.isBlank() ? "%"
                : "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        return em.createQuery("SELECT e FROM TrailEvent e WHERE e.companyId = :company AND ("
                        + "LOWER(COALESCE(e.actor, '')) LIKE :text ESCAPE '\\' "
                        + "OR LOWER(e.action) LIKE :text ESCAPE '\\' "
                        + "OR LOWER(COALESCE(e.target, '')) LIKE :text ESCAPE '\\' "
                        + "OR LOWER(COALESCE(e.detail, '')) LIKE :text ESCAPE '\\' "
                        + "OR COALESCE(e.sourceAddress, '') LIKE :text ESCAPE '\\') "
                        + "ORDER BY e.occurredAt DESC, e.id DESC", TrailEvent.class)
                .setParameter("company", companyId)
                .setParameter("text", pattern)
                .setMaxResults(max)
                .getResultList();
    }
}
