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
import org.caart.trail.entity.TrailEvent;

/** Writes and reads the security audit trail. */
@Stateless
public class Trail {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

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
}
