package org.caart.feed.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Company;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.feed.entity.FeedDestination;
import org.caart.feed.entity.FeedSettings;
import org.caart.feed.entity.Payload;
import org.caart.platform.InvalidInputException;
import org.caart.platform.NotFoundException;
import org.caart.platform.TrailRecorder;

/**
 * An owner's settings of the company's SIEM feed (on/off, daily snapshot) and its syslog destinations; every change
 * goes to the trail. Reading them needs {@code READ_FEED}, changing them {@code MANAGE_FEED}. The platform operator
 * sees every destination with its delivery state ({@link #all}).
 */
@Stateless
public class FeedDestinations {

    static final int DESTINATIONS_MAX = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    Clock clock;

    @Inject
    TrailRecorder trail;

    public FeedOverview overview(long companyId) {
        access.require(companyId, Permission.READ_FEED);
        FeedSettings settings = em.find(FeedSettings.class, companyId);
        long latest = settings == null ? 0 : settings.getLastSeq();
        List<DestinationState> destinations = em.createQuery("SELECT d FROM FeedDestination d "
                        + "WHERE d.companyId = :company ORDER BY d.name, d.id", FeedDestination.class)
                .setParameter("company", companyId).getResultStream()
                .map(d -> DestinationState.of(d, null, latest)).toList();
        return new FeedOverview(companyId, settings != null && settings.isEnabled(),
                settings != null && settings.isSnapshotDaily(), latest, destinations);
    }

    public FeedOverview change(long companyId, FeedSettingsRequest request, String sourceAddress) {
        Membership owner = access.require(companyId, Permission.MANAGE_FEED);
        if (request == null || request.enabled() == null) {
            throw new InvalidInputException("enabled", "Say whether the feed is on (true or false)");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        FeedSettings settings = em.find(FeedSettings.class, companyId, LockModeType.PESSIMISTIC_WRITE);
        if (settings == null) {
            settings = new FeedSettings(companyId, now);
            em.persist(settings);
        }
        boolean snapshot = request.snapshotDaily() == null ? settings.isSnapshotDaily() : request.snapshotDaily();
        settings.change(request.enabled(), snapshot, now);
        trail.record(companyId, owner.getUser().getId(), owner.getUser().getEmail(), "feed.settings", null,
                "feed " + (request.enabled() ? "on" : "off") + ", daily snapshot " + (snapshot ? "on" : "off"),
                sourceAddress);
        em.flush();
        return overview(companyId);
    }

    public DestinationState get(long companyId, long destinationId) {
        access.require(companyId, Permission.READ_FEED);
        return DestinationState.of(find(companyId, destinationId), null, latest(companyId));
    }

    /** A new destination gets the events numbered from now on; the feed must be on. */
    public DestinationState create(long companyId, DestinationRequest request, String sourceAddress) {
        Membership owner = access.require(companyId, Permission.MANAGE_FEED);
        FeedSettings settings = em.find(FeedSettings.class, companyId, LockModeType.PESSIMISTIC_WRITE);
        if (settings == null || !settings.isEnabled()) {
            throw new InvalidInputException("enabled", "Switch the company's feed on first");
        }
        long count = em.createQuery("SELECT COUNT(d) FROM FeedDestination d WHERE d.companyId = :company",
                Long.class).setParameter("company", companyId).getSingleResult();
        if (count >= DESTINATIONS_MAX) {
            throw new InvalidInputException("name", "A company has at most " + DESTINATIONS_MAX + " destinations");
        }
        if (request == null) {
            throw new InvalidInputException("name", "Required");
        }
        FeedDestination d = new FeedDestination(companyId, request.name(), request.host(), port(request),
                Boolean.TRUE.equals(request.tls()), request.caCertificate(), payload(request.payload()),
                settings.getLastSeq(), OffsetDateTime.now(clock));
        em.persist(d);
        em.flush();
        trail.record(companyId, owner.getUser().getId(), owner.getUser().getEmail(), "feed.destination.create",
                target(d), describe(d), sourceAddress);
        return DestinationState.of(d, null, settings.getLastSeq());
    }

    public DestinationState update(long companyId, long destinationId, DestinationRequest request,
            String sourceAddress) {
        Membership owner = access.require(companyId, Permission.MANAGE_FEED);
        FeedDestination d = find(companyId, destinationId);
        em.lock(d, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw new InvalidInputException("name", "Required");
        }
        // no caCertificate: the one it has stays; an empty one removes it
        d.change(request.name(), request.host(), port(request), Boolean.TRUE.equals(request.tls()),
                request.caCertificate() == null ? d.getCaPem() : request.caCertificate(), payload(request.payload()),
                request.enabled() == null || request.enabled());
        trail.record(companyId, owner.getUser().getId(), owner.getUser().getEmail(), "feed.destination.update",
                target(d), describe(d), sourceAddress);
        return DestinationState.of(d, null, latest(companyId));
    }

    public void delete(long companyId, long destinationId, String sourceAddress) {
        Membership owner = access.require(companyId, Permission.MANAGE_FEED);
        FeedDestination d = find(companyId, destinationId);
        trail.record(companyId, owner.getUser().getId(), owner.getUser().getEmail(), "feed.destination.delete",
                target(d), describe(d), sourceAddress);
        em.remove(d);
    }

    /** Every destination of every company with its delivery state, the failing first: the operator's view. */
    @RolesAllowed("OPERATOR")
    public List<DestinationState> all() {
        Map<Long, Long> latest = new HashMap<>();
        em.createQuery("SELECT s FROM FeedSettings s", FeedSettings.class).getResultStream()
                .forEach(s -> latest.put(s.getCompanyId(), s.getLastSeq()));
        Map<Long, String> names = new HashMap<>();
        return em.createQuery("SELECT d FROM FeedDestination d ORDER BY d.failures DESC, d.companyId, d.name",
                        FeedDestination.class).getResultStream()
                .map(d -> DestinationState.of(d, names.computeIfAbsent(d.getCompanyId(), this::companyName),
                        latest.getOrDefault(d.getCompanyId(), 0L)))
                .toList();
    }

    private String companyName(long companyId) {
        Company company = em.find(Company.class, companyId);
        return company == null ? "company " + companyId : company.getName();
    }

    private FeedDestination find(long companyId, long destinationId) {
        return em.createQuery("SELECT d FROM FeedDestination d WHERE d.id = :id AND d.companyId = :company",
                        FeedDestination.class).setParameter("id", destinationId).setParameter("company", companyId)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("Feed destination"));
    }

    private long latest(long companyId) {
        FeedSettings settings = em.find(FeedSettings.class, companyId);
        return settings == null ? 0 : settings.getLastSeq();
    }

    private static int port(DestinationRequest request) {
        if (request.port() == null) {
            throw new InvalidInputException("port", "Required (the receiver's TCP port, often 6514 with TLS)");
        }
        return request.port();
    }

    static Payload payload(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("payload", "Required: CEF or JSON");
        }
        try {
            return Payload.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("payload", "CEF or JSON, not " + value);
        }
    }

    private static String target(FeedDestination d) {
        return "feed destination #" + d.getId();
    }

    private static String describe(FeedDestination d) {
        return d.getName() + ": " + d.getHost() + ":" + d.getPort() + (d.isTls() ? " TLS" : " plain TCP")
                + (d.getCaPem() != null ? " (own CA)" : "") + ", " + d.getPayload() + (d.isEnabled() ? "" : ", off");
    }
}
