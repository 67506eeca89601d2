package org.caart.waiver.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import org.caart.platform.DigestSections;
import org.caart.waiver.entity.Waiver;
import org.caart.waiver.entity.WaiverStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The exceptions in the daily digest: those in force that expire within 14 days, those whose evidence changed
 * (reopened) and those that expired in the period.
 */
@Stateless
public class WaiverDigest {

    static final int LIST_MAX = 100;
    static final Duration EXPIRING = Duration.ofDays(14);

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "caart.public.url")
    String publicUrl;

    public void addSections(@Observes DigestSections digest) {
        List<Waiver> expiring = em.createQuery("SELECT w FROM Waiver w WHERE w.companyId = :company "
                        + "AND w.status = :approved AND w.expiresAt > :until AND w.expiresAt <= :horizon "
                        + "ORDER BY w.expiresAt, w.id", Waiver.class)
                .setParameter("company", digest.companyId()).setParameter("approved", WaiverStatus.APPROVED)
                .setParameter("until", digest.until()).setParameter("horizon", digest.until().plus(EXPIRING))
                .getResultList();
        digest.add(section("Exceptions expiring within 14 days", expiring, digest,
                w -> "expires on " + w.getExpiresOn() + "; approved by " + w.getDecidedByEmail()), 1);
        List<Waiver> reopened = em.createQuery("SELECT w FROM Waiver w WHERE w.companyId = :company "
                        + "AND w.reopenedAt >= :since AND w.reopenedAt <= :until AND w.reopenReason IS NOT NULL "
                        + "ORDER BY w.reopenedAt DESC, w.id DESC", Waiver.class)
                .setParameter("company", digest.companyId()).setParameter("since", digest.since())
                .setParameter("until", digest.until()).getResultList();
        digest.add(section("Exceptions reopened (last 24 hours)", reopened, digest,
                w -> "reopened: " + w.getReopenReason() + "; now " + w.getStatus()), 1);
        List<Waiver> expired = em.createQuery("SELECT w FROM Waiver w WHERE w.companyId = :company "
                        + "AND w.status = :expired AND w.endedAt >= :since AND w.endedAt <= :until "
                        + "ORDER BY w.endedAt DESC, w.id DESC", Waiver.class)
                .setParameter("company", digest.companyId()).setParameter("expired", WaiverStatus.EXPIRED)
                .setParameter("since", digest.since()).setParameter("until", digest.until()).getResultList();
        digest.add(section("Exceptions expired (last 24 hours)", expired, digest,
                w -> "expired at the end of " + w.getExpiresOn() + "; the check counts as failing again"), 1);
    }

    private DigestSections.Section section(String title, List<Waiver> waivers, DigestSections digest,
            java.util.function.Function<Waiver, String> state) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return new DigestSections.Section(title, waivers.size(), waivers.subList(0, Math.min(LIST_MAX,
                waivers.size())).stream().map(w -> new DigestSections.Item(Waivers.target(w) + ": "
                + Waivers.scopeAndCheck(w) + " (" + w.getCheckTitle() + "), " + state.apply(w) + "; requested by "
                + w.getRequestedByEmail(), base + "/app/exceptions.xhtml?company=" + digest.companyId()
                + "&exception=" + w.getId())).toList());
    }
}
