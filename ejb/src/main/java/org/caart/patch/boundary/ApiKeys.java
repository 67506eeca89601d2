package org.caart.patch.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.patch.entity.ApiKey;
import org.caart.platform.InvalidInputException;
import org.caart.platform.NotFoundException;
import org.caart.platform.Tokens;
import org.caart.platform.TrailRecorder;
import org.caart.platform.UnauthorizedException;

/**
 * Per-company API keys for scripts that set devices' patch dates. A key is {@code caart_} followed by 256 random
 * bits; the server keeps its SHA-256 only. Owners and admins create and revoke keys; a key never opens a session
 * and can do nothing but set patch dates.
 */
@Stateless
public class ApiKeys {

    public static final String PREFIX = "caart_";
    public static final String REFUSED = "urn:caart:api-key";

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    TrailRecorder trail;

    @Inject
    Clock clock;

    /** A key just created: the only moment its secret is known. */
    public record Created(ApiKey key, String secret) {
    }

    public Created create(long companyId, String name, String sourceAddress) {
        Membership member = access.require(companyId, Permission.MANAGE_COMPANY);
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 80) {
            throw new InvalidInputException("name", "Name the key (1 to 80 characters), e.g. after the script using it");
        }
        String secret = PREFIX + Tokens.newToken();
        ApiKey key = new ApiKey(companyId, label, Tokens.hash(secret), secret.substring(0, PREFIX.length() + 6),
                member.getUser().getEmail(), OffsetDateTime.now(clock));
        em.persist(key);
        em.flush();
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "apikey.create", label,
                key.getKeyPrefix() + "…", sourceAddress);
        return new Created(key, secret);
    }

    public List<ApiKey> list(long companyId) {
        access.require(companyId, Permission.MANAGE_COMPANY);
        return em.createQuery("SELECT k FROM ApiKey k WHERE k.companyId = :company ORDER BY k.createdAt DESC",
                        ApiKey.class)
                .setParameter("company", companyId).getResultList();
    }

    public ApiKey revoke(long companyId, long keyId, String sourceAddress) {
        Membership member = access.require(companyId, Permission.MANAGE_COMPANY);
        ApiKey key = em.createQuery("SELECT k FROM ApiKey k WHERE k.id = :id AND k.companyId = :company",
                        ApiKey.class)
                .setParameter("id", keyId).setParameter("company", companyId)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("API key"));
        key.revoke(OffsetDateTime.now(clock));
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "apikey.revoke",
                key.getName(), key.getKeyPrefix() + "…", sourceAddress);
        return key;
    }

    /** The active key of {@code Authorization: Bearer caart_…}; 401 for anything else. */
    public ApiKey authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused();
        }
        String secret = authorization.substring(7).strip();
        if (!secret.startsWith(PREFIX) || !Tokens.wellFormed(secret.substring(PREFIX.length()))) {
            throw refused();
        }
        String hash = Tokens.hash(secret);
        ApiKey key = em.createQuery("SELECT k FROM ApiKey k WHERE k.keyHash = :hash", ApiKey.class)
                .setParameter("hash", hash)
                .getResultStream().findFirst().orElseThrow(ApiKeys::refused);
        if (!MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                key.getKeyHash().getBytes(StandardCharsets.US_ASCII)) || !key.isActive()) {
            throw refused();
        }
        key.used(OffsetDateTime.now(clock));
        return key;
    }

    private static UnauthorizedException refused() {
        return new UnauthorizedException(REFUSED, "This API needs an active API key of the company: "
                + "Authorization: Bearer caart_…");
    }
}
