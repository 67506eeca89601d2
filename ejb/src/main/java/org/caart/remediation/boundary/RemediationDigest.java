package org.caart.remediation.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.caart.platform.DigestSections;
import org.caart.remediation.entity.Remediation;
import org.caart.remediation.entity.RemediationItem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The day's remediations in the daily digest: each one ordered or changed in the period, with its items' states. */
@Stateless
public class RemediationDigest {

    static final int LIST_MAX = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "caart.public.url")
    String publicUrl;

    public void addSection(@Observes DigestSections digest) {
        List<Remediation> changed = em.createQuery("SELECT r FROM Remediation r WHERE r.companyId = :company "
                        + "AND r.updatedAt >= :since AND r.updatedAt <= :until ORDER BY r.updatedAt DESC, r.id DESC",
                        Remediation.class)
                .setParameter("company", digest.companyId()).setParameter("since", digest.since())
                .setParameter("until", digest.until()).getResultList();
        List<Remediation> listed = changed.subList(0, Math.min(changed.size(), LIST_MAX));
        List<RemediationSummary> summaries = RemediationSummary.of(listed, listed.isEmpty() ? List.of()
                : em.createQuery("SELECT i FROM RemediationItem i WHERE i.remediationId IN :ids", RemediationItem.class)
                .setParameter("ids", listed.stream().map(Remediation::getId).toList()).getResultList());
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        digest.add(new DigestSections.Section("Remediations (last 24 hours)", changed.size(), summaries.stream()
                .map(s -> new DigestSections.Item("remediation #" + s.id() + " (" + s.status() + ") on "
                        + s.endpoints() + " endpoint(s): " + s.stateText() + "; requested by " + s.requestedBy()
                        + (s.approvedBy() == null ? "" : ", approved by " + s.approvedBy()),
                        base + "/app/remediation.xhtml?company=" + digest.companyId() + "&remediation=" + s.id()))
                .toList()), listed.isEmpty() ? 1 : 2);
    }
}
