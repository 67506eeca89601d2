package org.caart.waiver.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caart.platform.TrailEntry;
import org.caart.platform.FeedEvent;
import org.caart.platform.FeedRecorder;
import org.caart.platform.TrailRecorder;
import org.caart.waiver.control.WaiverFeed;
import org.caart.waiver.control.Evidence;
import org.caart.waiver.entity.Waiver;
import org.caart.waiver.entity.WaiverEvidence;
import org.caart.waiver.entity.WaiverStatus;

/**
 * The exceptions' own clock work, one transaction per tick: exceptions whose expiry has come end (EXPIRED: the
 * check counts as failing again), and an approved exception reopens when a run completed since it was last
 * checked reports a failing result in its scope with an observed value it was not granted for. Runs are read from
 * a little before the last mark ({@link #OVERLAP}: a run committed late is not missed; the mark moves every
 * {@link #MARK_EVERY}) but never from before the approval. Each change goes to the trail with the actor "exception check".
 */
@Stateless
public class WaiverChecks {

    static final Duration OVERLAP = Duration.ofMinutes(2);
    static final int RUNS_MAX = 5000;
    /** How often the mark of what was compared moves on (not at every tick: comparing again changes nothing). */
    static final Duration MARK_EVERY = Duration.ofMinutes(10);
    static final String ACTOR = "exception check";
    private static final System.Logger LOG = System.getLogger(WaiverChecks.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Evidence evidence;

    @Inject
    TrailRecorder trail;

    @Inject
    FeedRecorder feed;

    public void run() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<TrailEntry> entries = new ArrayList<>();
        List<FeedEvent> events = new ArrayList<>();
        for (Waiver w : em.createQuery("SELECT w FROM Waiver w WHERE w.status IN :open AND w.expiresAt <= :now",
                        Waiver.class).setParameter("open", List.of(WaiverStatus.REQUESTED, WaiverStatus.APPROVED,
                        WaiverStatus.REOPENED)).setParameter("now", now).getResultList()) {
            WaiverStatus was = w.getStatus();
            if (w.expire(now)) {
                events.add(WaiverFeed.event(w, FeedEvent.Types.EXCEPTION_EXPIRED, was.name(), "expiry "
                        + w.getExpiresOn() + " reached; the check counts as failing again", now));
                entries.add(entry(w, "exception.expire", "was " + was + "; " + Waivers.scopeAndCheck(w)
                        + ", expiry " + w.getExpiresOn() + " ended"));
            }
        }
        List<Waiver> approved = em.createQuery("SELECT w FROM Waiver w WHERE w.status = :approved", Waiver.class)
                .setParameter("approved", WaiverStatus.APPROVED).getResultList();
        if (!approved.isEmpty()) {
            entries.addAll(compare(approved, now, events));
        }
        trail.recordAll(entries);
        feed.publish(events);
    }

    private List<TrailEntry> compare(List<Waiver> approved, OffsetDateTime now, List<FeedEvent> events) {
        OffsetDateTime from = approved.stream().map(this::from).min(Comparator.naturalOrder()).orElse(now);
        Set<String> checks = approved.stream().map(Waiver::getCheckId).collect(Collectors.toSet());
        List<Evidence.Observed> observed = evidence.completedBetween(from, now, checks, RUNS_MAX);
        Map<Long, Set<String>> granted = new HashMap<>();
        if (!observed.isEmpty()) {
            for (WaiverEvidence v : em.createQuery("SELECT v FROM WaiverEvidence v WHERE v.waiverId IN :ids",
                    WaiverEvidence.class).setParameter("ids", approved.stream().map(Waiver::getId).toList())
                    .getResultList()) {
                granted.computeIfAbsent(v.getWaiverId(), k -> new HashSet<>()).add(v.getObserved());
            }
        }
        List<TrailEntry> entries = new ArrayList<>();
        for (Waiver w : approved) {
            OffsetDateTime after = from(w);
            Set<String> values = granted.getOrDefault(w.getId(), Set.of());
            observed.stream().filter(o -> o.companyId() == w.getCompanyId() && o.policyId().equals(w.getPolicyId())
                            && o.checkId().equals(w.getCheckId()) && o.failing().finishedAt().isAfter(after)
                            && Evidence.inScope(w, o.failing())
                            && !values.contains(WaiverEvidence.normal(o.failing().observed())))
                    .findFirst().ifPresentOrElse(o -> {
                        String why = o.failing().hostname() + " now reports \"" + shorten(o.failing().observed())
                                + "\", not a value the exception was granted for";
                        if (w.reopenOnEvidence(why, now)) {
                            LOG.log(Level.INFO, "Exception {0} of company {1} reopened: the evidence changed",
                                    w.getId(), w.getCompanyId());
                            events.add(WaiverFeed.event(w, FeedEvent.Types.EXCEPTION_REOPENED, "APPROVED", why,
                                    now));
                            entries.add(entry(w, "exception.reopened", Waivers.scopeAndCheck(w) + ": " + why));
                        }
                    }, () -> {
                        if (w.getEvidenceCheckedAt() == null || w.getEvidenceCheckedAt().plus(MARK_EVERY).isBefore(now)) {
                            w.evidenceCheckedUntil(now);
                        }
                    });
        }
        return entries;
    }

    /** Runs finished after this are compared: a little before the last check, never before the approval. */
    private OffsetDateTime from(Waiver w) {
        OffsetDateTime checked = w.getEvidenceCheckedAt() == null ? w.getApprovedAt()
                : w.getEvidenceCheckedAt().minus(OVERLAP);
        return checked.isBefore(w.getApprovedAt()) ? w.getApprovedAt() : checked;
    }

    private static TrailEntry entry(Waiver w, String action, String detail) {
        return new TrailEntry(w.getCompanyId(), null, ACTOR, action, Waivers.target(w), detail, null, false);
    }

    private static String shorten(String observed) {
        String value = observed == null ? "" : observed;
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }
}
