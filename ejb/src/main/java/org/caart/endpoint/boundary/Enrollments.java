package org.caart.endpoint.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.contract.agent.v1.EnrollRequest;
import org.caart.contract.agent.v1.EnrollResponse;
import org.caart.endpoint.control.AgentVersions;
import org.caart.endpoint.control.HostCheck;
import org.caart.endpoint.entity.Endpoint;
import org.caart.endpoint.entity.EnrollmentToken;
import org.caart.platform.ConflictException;
import org.caart.platform.GoneException;
import org.caart.platform.InvalidInputException;
import org.caart.platform.Tokens;
import org.caart.platform.TrailRecorder;
import org.caart.platform.UnauthorizedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enrollment: an auditor or admin makes a one-time token in the portal; an agent exchanges it for its own
 * identity (id and secret). A refused exchange creates nothing.
 */
@Stateless
public class Enrollments {

    private static final System.Logger LOG = System.getLogger(Enrollments.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AgentVersions versions;

    @Inject
    Event<EndpointEnrolled> enrolled;

    @Inject
    Access access;

    @Inject
    TrailRecorder trail;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "caart.enrollment.validity-minutes", defaultValue = "30")
    int validityMinutes;

    @Inject
    @ConfigProperty(name = "caart.agent.poll-seconds", defaultValue = "25")
    int pollSeconds;

    public EnrollmentOffer offer(long companyId, String sourceAddress) {
        Membership member = access.require(companyId, Permission.RUN_AUDITS);
        String token = Tokens.newToken();
        OffsetDateTime now = OffsetDateTime.now(clock);
        EnrollmentToken stored = new EnrollmentToken(member.getCompany(), member.getUser(), Tokens.hash(token), now,
                now.plus(Duration.ofMinutes(validityMinutes)));
        em.persist(stored);
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "enrollment.token", null,
                "valid until " + stored.getExpiresAt(), sourceAddress);
        return new EnrollmentOffer(token, stored.getExpiresAt());
    }

    public EnrollResponse enroll(EnrollRequest request, String sourceAddress) {
        if (request == null || request.token() == null || request.token().isBlank()) {
            throw new InvalidInputException("token", "Give the enrollment token shown in the portal");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        HostCheck.check(request.host(), LocalDate.now(clock));
        versions.require(request.host());
        EnrollmentToken token = find(request.token());
        if (token.isUsed()) {
            throw new ConflictException("This enrollment token has already been used; create a new one in the portal");
        }
        if (token.isExpired(now)) {
            throw new GoneException("This enrollment token has expired; create a new one in the portal");
        }
        token.use(now);
        String secret = Tokens.newToken();
        Endpoint endpoint = new Endpoint(token.getCompany(), UUID.randomUUID().toString(), Tokens.hash(secret),
                request.host(), now);
        em.persist(endpoint);
        em.flush();
        enrolled.fire(new EndpointEnrolled(endpoint));
        long companyId = token.getCompany().getId();
        trail.record(companyId, null, "agent " + endpoint.getAgentId(), "endpoint.enroll", endpoint.getHostname(),
                endpoint.getOs(), sourceAddress);
        LOG.log(Level.INFO, "Endpoint {0} enrolled in company {1}", endpoint.getId(), companyId);
        return new EnrollResponse(endpoint.getAgentId(), secret, companyId, token.getCompany().getName(), pollSeconds);
    }

    private EnrollmentToken find(String token) {
        if (!Tokens.wellFormed(token.strip())) {
            throw new UnauthorizedException("urn:caart:agent:enrollment-token", "This enrollment token is not valid");
        }
        return em.createQuery("SELECT t FROM EnrollmentToken t WHERE t.tokenHash = :hash",
                        EnrollmentToken.class)
                .setParameter("hash", Tokens.hash(token.strip()))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> new UnauthorizedException("urn:caart:agent:enrollment-token",
                        "This enrollment token is not valid"));
    }
}
