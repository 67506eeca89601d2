package org.caart.endpoint.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.endpoint.entity.Endpoint;
import org.caart.endpoint.entity.EndpointStatus;
import org.caart.platform.InvalidInputException;
import org.caart.platform.NotFoundException;
import org.caart.platform.TrailRecorder;

/** A company's enrolled endpoints: list, tag, revoke. */
@Stateless
public class Endpoints {

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    TrailRecorder trail;

    @Inject
    Clock clock;

    public List<Endpoint> list(long companyId) {
        access.require(companyId, Permission.VIEW);
        return em.createQuery("SELECT e FROM Endpoint e WHERE e.company.id = :company ORDER BY e.hostname, e.id",
                        Endpoint.class)
                .setParameter("company", companyId).getResultList();
    }

    public Endpoint get(long companyId, long endpointId) {
        access.require(companyId, Permission.VIEW);
        return find(companyId, endpointId);
    }

    public Endpoint revoke(long companyId, long endpointId, String sourceAddress) {
        Membership member = access.require(companyId, Permission.RUN_AUDITS);
        Endpoint endpoint = find(companyId, endpointId);
        endpoint.revoke(OffsetDateTime.now(clock));
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "endpoint.revoke",
                endpoint.getHostname(), endpoint.getAgentId(), sourceAddress);
        return endpoint;
    }

    public Endpoint tag(long companyId, long endpointId, String tags, String sourceAddress) {
        Membership member = access.require(companyId, Permission.RUN_AUDITS);
        Endpoint endpoint = find(companyId, endpointId);
        try {
            endpoint.tag(tags == null ? List.of() : Arrays.asList(tags.split(",")));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("tags", e.getMessage());
        }
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "endpoint.tag",
                endpoint.getHostname(), String.join(",", endpoint.tags()), sourceAddress);
        return endpoint;
    }

    private Endpoint find(long companyId, long endpointId) {
        return em.createQuery("SELECT e FROM Endpoint e WHERE e.id = :id AND e.company.id = :company", Endpoint.class)
                .setParameter("id", endpointId).setParameter("company", companyId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Endpoint"));
    }

    public record StaleEndpoint(long id, String hostname, OffsetDateTime lastSeenAt) {
    }

    /**
     * Active endpoints not seen since {@code before}, longest silent first: a read for another component's work
     * inside its transaction (patch's morning digest), which has no caller to check.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<StaleEndpoint> stale(long companyId, OffsetDateTime before, int max) {
        return em.createQuery("SELECT e.id, e.hostname, e.lastSeenAt FROM Endpoint e WHERE e.company.id = :company "
                        + "AND e.status = :active AND e.lastSeenAt < :before ORDER BY e.lastSeenAt", Object[].class)
                .setParameter("company", companyId).setParameter("active", EndpointStatus.ACTIVE)
                .setParameter("before", before).setMaxResults(max).getResultStream()
                .map(r -> new StaleEndpoint((Long) r[0], (String) r[1], (OffsetDateTime) r[2]))
                .toList();
    }
}
