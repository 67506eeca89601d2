package org.caart.waiver.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.caart.audit.boundary.ExceptionInForce;
import org.caart.audit.boundary.ExceptionsInForce;
import org.caart.audit.entity.CheckResult;
import org.caart.audit.entity.AuditRun;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Company;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.endpoint.entity.Endpoint;
import org.caart.platform.ConflictException;
import org.caart.platform.ForbiddenException;
import org.caart.platform.InvalidInputException;
import org.caart.platform.NotFoundException;
import org.caart.platform.FeedEvent;
import org.caart.platform.FeedRecorder;
import org.caart.platform.TrailRecorder;
import org.caart.waiver.control.WaiverFeed;
import org.caart.waiver.control.Evidence;
import org.caart.waiver.entity.Waiver;
import org.caart.waiver.entity.WaiverEvidence;
import org.caart.waiver.entity.WaiverScope;
import org.caart.waiver.entity.WaiverStatus;

/**
 * Exceptions (waivers) for checks: request, approve, reject, reopen, read. Asking and deciding need
 * ORDER_REMEDIATION or MANAGE_COMPANY, reading needs VIEW; every step goes to the company's trail. The exceptions
 * in force answer audit's {@link ExceptionsInForce} question, so every score is also given with them.
 */
@Stateless
public class Waivers {

    static final int LIST_MAX = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    TrailRecorder trail;

    @Inject
    FeedRecorder feed;

    @Inject
    Clock clock;

    @Inject
    Evidence evidence;

    @Inject
    WaiverLimits limits;

    public Waiver request(long companyId, WaiverRequest request, String sourceAddress) {
        Membership member = mayDecide(companyId);
        WaiverRequest r = request == null ? new WaiverRequest(null, null, null, null, null, null, null, null)
                : request;
        String policyId = required("policyId", r.policyId(), "Choose the policy");
        String checkId = required("checkId", r.checkId(), "Give the check's id");
        Waiver.CheckRef check = evidence.check(companyId, policyId, checkId).orElseThrow(() ->
                new InvalidInputException("checkId", "No audit of this company has a result for check " + checkId
                        + " of policy " + policyId));
        WaiverScope scope = scope(r.scope());
        if (scope == WaiverScope.ENDPOINT && r.endpointId() != null) {
            Endpoint endpoint = em.find(Endpoint.class, r.endpointId());
            if (endpoint == null || endpoint.getCompany().getId() != companyId) {
                throw new NotFoundException("Endpoint");
            }
        }
        Company company = member.getCompany();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Waiver.Terms terms = Waiver.Terms.of(scope, r.endpointId(), r.tag(), r.reason(), r.ticket(),
                date(r.expiresOn()), today(company, now), company.zoneId(),
                limits.maxDays(companyId, check.severity()));
        Waiver waiver = new Waiver(companyId, check, terms, member.getUser().getId(), member.getUser().getEmail(),
                now);
        em.persist(waiver);
        em.flush();
        record(member, "exception.request", waiver, scopeAndCheck(waiver) + ", expires " + waiver.getExpiresOn()
                + (waiver.getTicket() == null ? "" : ", ticket " + waiver.getTicket()) + ": " + waiver.getReason(),
                sourceAddress);
        return waiver;
    }

    /**
     * Approves a requested or reopened exception: never by the member who requested it (refused, and the refusal
     * is in the trail). It is granted for the observed values its check fails with in its scope now.
     */
    public Waiver approve(long companyId, long waiverId, String note, String sourceAddress) {
        Membership member = mayDecide(companyId);
        Waiver waiver = lock(companyId, waiverId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String was = waiver.getStatus().name();
        try {
            waiver.approve(member.getUser().getId(), member.getUser().getEmail(), note, now);
        } catch (ConflictException refused) {
            trail.recordRefusal(companyId, member.getUser().getId(), member.getUser().getEmail(),
                    "exception.approve.refused", target(waiver), refused.getMessage(), sourceAddress);
            throw refused;
        }
        em.createQuery("DELETE FROM WaiverEvidence v WHERE v.waiverId = :waiver")
                .setParameter("waiver", waiverId).executeUpdate();
        List<Evidence.Failing> failing = evidence.standing(waiver);
        Set<String> values = Evidence.values(failing);
        values.forEach(v -> em.persist(new WaiverEvidence(waiver, v)));
        feed.publish(WaiverFeed.event(waiver, FeedEvent.Types.EXCEPTION_GRANTED, was, "granted by "
                + member.getUser().getEmail() + " until " + waiver.getExpiresOn() + ": " + waiver.getReason(), now));
        record(member, "exception.approve", waiver, scopeAndCheck(waiver) + ", requested by "
                + waiver.getRequestedByEmail() + ", granted for " + values.size() + " observed value(s) on "
                + failing.size() + " endpoint(s), expires " + waiver.getExpiresOn()
                + (waiver.getDecisionNote() == null ? "" : ": " + waiver.getDecisionNote()), sourceAddress);
        return waiver;
    }

    public Waiver reject(long companyId, long waiverId, String note, String sourceAddress) {
        Membership member = mayDecide(companyId);
        Waiver waiver = lock(companyId, waiverId);
        try {
            waiver.reject(member.getUser().getId(), member.getUser().getEmail(), note, OffsetDateTime.now(clock));
        } catch (ConflictException refused) {
            trail.recordRefusal(companyId, member.getUser().getId(), member.getUser().getEmail(),
                    "exception.reject.refused", target(waiver), refused.getMessage(), sourceAddress);
            throw refused;
        }
        record(member, "exception.reject", waiver, scopeAndCheck(waiver)
                + (waiver.getDecisionNote() == null ? "" : ": " + waiver.getDecisionNote()), sourceAddress);
        return waiver;
    }

    /** Asks again for a rejected exception, with new terms where given; it waits for another member's decision. */
    public Waiver reopen(long companyId, long waiverId, ReopenRequest request, String sourceAddress) {
        Membership member = mayDecide(companyId);
        Waiver waiver = lock(companyId, waiverId);
        ReopenRequest r = request == null ? new ReopenRequest(null, null, null) : request;
        Company company = member.getCompany();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Waiver.Terms terms = Waiver.Terms.of(waiver.getScope(), waiver.getEndpointId(), waiver.getTag(),
                r.reason() == null || r.reason().isBlank() ? waiver.getReason() : r.reason(),
                r.ticket() == null ? waiver.getTicket() : r.ticket(),
                r.expiresOn() == null || r.expiresOn().isBlank() ? waiver.getExpiresOn() : date(r.expiresOn()),
                today(company, now), company.zoneId(), limits.maxDays(companyId, waiver.getSeverity()));
        waiver.reopen(terms, now);
        record(member, "exception.reopen", waiver, scopeAndCheck(waiver) + ", expires " + waiver.getExpiresOn()
                + ": " + waiver.getReason(), sourceAddress);
        return waiver;
    }

    public WaiverDetail get(long companyId, long waiverId) {
        access.require(companyId, Permission.VIEW);
        return details(List.of(find(companyId, waiverId))).get(0);
    }

    /** How the list is filtered; null fields do not filter; {@code text} searches check, title, reason, ticket. */
    public record WaiverFilter(WaiverStatus status, String policyId, String text) {

        public static final WaiverFilter NONE = new WaiverFilter(null, null, null);
    }

    /** The company's exceptions, newest first (at most 500). */
    public List<WaiverDetail> list(long companyId, WaiverFilter filter) {
        access.require(companyId, Permission.VIEW);
        WaiverFilter f = filter == null ? WaiverFilter.NONE : filter;
        var query = em.createQuery("SELECT w FROM Waiver w WHERE w.companyId = :company"
                + (f.status() == null ? "" : " AND w.status = :status")
                + (f.policyId() == null || f.policyId().isBlank() ? "" : " AND w.policyId = :policy")
                + (f.text() == null || f.text().isBlank() ? "" : " AND (LOWER(w.checkId) LIKE :text "
                        + "OR LOWER(w.checkTitle) LIKE :text OR LOWER(w.reason) LIKE :text "
                        + "OR LOWER(COALESCE(w.ticket, '')) LIKE :text)")
                + " ORDER BY w.requestedAt DESC, w.id DESC", Waiver.class).setParameter("company", companyId);
        if (f.status() != null) {
            query.setParameter("status", f.status());
        }
        if (f.policyId() != null && !f.policyId().isBlank()) {
            query.setParameter("policy", f.policyId().strip());
        }
        if (f.text() != null && !f.text().isBlank()) {
            query.setParameter("text", "%" + f.text().strip().toLowerCase(Locale.ROOT).replace("%", "")
                    .replace("_", "") + "%");
        }
        return details(query.setMaxResults(LIST_MAX).getResultList());
    }

    /**
     * The exceptions in force for a company, for reports (VIEW): approved and not expired, with check, scope,
     * reason, requester, approver, approval time, expiry and the observed values they were granted for.
     */
    public List<EffectiveException> effective(long companyId) {
        access.require(companyId, Permission.VIEW);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return details(inForce(companyId, now)).stream().map(d -> {
            Waiver w = d.waiver();
            return new EffectiveException(w.getId(), w.getPolicyId(), w.getCheckId(), w.getCheckTitle(),
                    w.getSeverity(), w.getScope().name(), w.getEndpointId(), d.hostname(), w.getTag(), w.getReason(),
                    w.getTicket(), w.getRequestedByEmail(), w.getRequestedAt(), w.getDecidedByEmail(),
                    w.getApprovedAt(), w.getExpiresOn(), w.getExpiresAt(), d.evidence());
        }).toList();
    }

    /** What a request for an exception of one failed result would say: its check and its endpoint. */
    public record Draft(String policyId, String policyName, String checkId, String title, String severity,
            long endpointId, String hostname, String observed) {
    }

    public Draft draftFor(long companyId, long checkResultId) {
        access.require(companyId, Permission.VIEW);
        CheckResult result = em.createQuery("SELECT c FROM CheckResult c WHERE c.id = :id AND c.companyId = :company",
                        CheckResult.class).setParameter("id", checkResultId).setParameter("company", companyId)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("Check result"));
        AuditRun run = em.createQuery("SELECT r FROM AuditRun r JOIN FETCH r.endpoint WHERE r.id = :id "
                        + "AND r.companyId = :company", AuditRun.class).setParameter("id", result.getRunId())
                .setParameter("company", companyId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Check result"));
        return new Draft(run.getPolicyId(), run.getPolicyName(), result.getCheckId(), result.getTitle(),
                result.getSeverity() == null ? null : result.getSeverity().name(), run.getEndpoint().getId(),
                run.getEndpoint().getHostname(), result.getObserved());
    }

    /** Audit asks which exceptions are in force: approved, not expired, each with its evidence. */
    public void answer(@Observes ExceptionsInForce question) {
        List<Waiver> waivers = inForce(question.companyId(), question.at());
        question.ran(waivers.isEmpty() ? 1 : 2);
        if (waivers.isEmpty()) {
            return;
        }
        Map<Long, List<String>> values = evidenceOf(waivers);
        for (Waiver w : waivers) {
            question.add(new ExceptionInForce(w.getId(), w.getPolicyId(), w.getCheckId(),
                    w.getScope() == WaiverScope.ENDPOINT ? w.getEndpointId() : null,
                    w.getScope() == WaiverScope.TAG ? w.getTag() : null,
                    Set.copyOf(values.getOrDefault(w.getId(), List.of()))));
        }
    }

    private List<Waiver> inForce(long companyId, OffsetDateTime now) {
        return em.createQuery("SELECT w FROM Waiver w WHERE w.companyId = :company AND w.status = :approved "
                        + "AND w.expiresAt > :now ORDER BY w.id", Waiver.class)
                .setParameter("company", companyId).setParameter("approved", WaiverStatus.APPROVED)
                .setParameter("now", now).getResultList();
    }

    private List<WaiverDetail> details(List<Waiver> waivers) {
        if (waivers.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> values = evidenceOf(waivers);
        List<Long> endpointIds = waivers.stream().map(Waiver::getEndpointId).filter(java.util.Objects::nonNull)
                .distinct().toList();
        Map<Long, String> hosts = new HashMap<>();
        if (!endpointIds.isEmpty()) {
            em.createQuery("SELECT e.id, e.hostname FROM Endpoint e WHERE e.id IN :ids", Object[].class)
                    .setParameter("ids", endpointIds).getResultList()
                    .forEach(r -> hosts.put((Long) r[0], (String) r[1]));
        }
        List<WaiverDetail> details = new ArrayList<>();
        for (Waiver w : waivers) {
            details.add(new WaiverDetail(w, w.getEndpointId() == null ? null : hosts.get(w.getEndpointId()),
                    values.getOrDefault(w.getId(), List.of())));
        }
        return details;
    }

    private Map<Long, List<String>> evidenceOf(List<Waiver> waivers) {
        Map<Long, List<String>> values = new HashMap<>();
        List<Long> ids = waivers.stream().map(Waiver::getId).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            for (WaiverEvidence v : em.createQuery("SELECT v FROM WaiverEvidence v WHERE v.waiverId IN :ids "
                            + "ORDER BY v.observed", WaiverEvidence.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).getResultList()) {
                values.computeIfAbsent(v.getWaiverId(), k -> new ArrayList<>()).add(v.getObserved());
            }
        }
        return values;
    }

    /** Asking and deciding: ORDER_REMEDIATION or MANAGE_COMPANY. */
    private Membership mayDecide(long companyId) {
        Membership member = access.membership(companyId);
        if (!member.getRole().can(Permission.ORDER_REMEDIATION) && !member.getRole().can(Permission.MANAGE_COMPANY)) {
            throw new ForbiddenException("Your role in this company does not allow this");
        }
        return member;
    }

    private Waiver find(long companyId, long waiverId) {
        return em.createQuery("SELECT w FROM Waiver w WHERE w.id = :id AND w.companyId = :company", Waiver.class)
                .setParameter("id", waiverId).setParameter("company", companyId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Exception"));
    }

    private Waiver lock(long companyId, long waiverId) {
        Waiver waiver = find(companyId, waiverId);
        em.lock(waiver, LockModeType.PESSIMISTIC_WRITE);
        return waiver;
    }

    private void record(Membership member, String action, Waiver waiver, String detail, String sourceAddress) {
        trail.record(waiver.getCompanyId(), member.getUser().getId(), member.getUser().getEmail(), action,
                target(waiver), detail, sourceAddress);
    }

    static String target(Waiver waiver) {
        return "exception #" + waiver.getId();
    }

    static String scopeAndCheck(Waiver waiver) {
        return "check " + waiver.getCheckId() + " of " + waiver.getPolicyId() + " for " + waiver.scopeText();
    }

    static LocalDate today(Company company, OffsetDateTime now) {
        return now.atZoneSameInstant(company.zoneId()).toLocalDate();
    }

    private static String required(String field, String value, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, message);
        }
        return value.strip();
    }

    private static WaiverScope scope(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return WaiverScope.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("scope", "The scope is ENDPOINT, TAG or COMPANY");
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("expiresOn", "Give the expiry date as YYYY-MM-DD");
        }
    }
}
