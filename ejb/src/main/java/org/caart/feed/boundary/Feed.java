package org.caart.feed.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Permission;
import org.caart.feed.control.OcsfEvent;
import org.caart.feed.entity.FeedItem;
import org.caart.feed.entity.FeedSettings;
import org.caart.platform.FeedEvent;
import org.caart.platform.FeedEvents;
import org.caart.platform.InvalidInputException;
import org.caart.platform.PostgresCopy;

/**
 * The companies' feeds: stores the events components fire (only for a company whose feed is on, in the firing
 * transaction), numbers them per company in commit order ({@link #sequence}), and reads them back by number.
 * Storing never waits for a receiver: delivery runs apart ({@link FeedScheduler}).
 */
@Stateless
public class Feed {

    /** The most events one read returns. */
    public static final int PAGE_MAX = 5000;
    static final int SEQUENCE_MAX = 20000;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    @Inject
    Access access;

    @Inject
    Clock clock;

    /** Stores the events of the companies whose feed is on, unnumbered (the sequencer numbers them). */
    public void store(@Observes FeedEvents fired) {
        List<FeedEvent> events = fired.events();
        Set<Long> companies = new HashSet<>();
        events.forEach(e -> companies.add(e.companyId()));
        Set<Long> on = new HashSet<>(em.createQuery("SELECT s.companyId FROM FeedSettings s "
                        + "WHERE s.enabled = TRUE AND s.companyId IN :companies", Long.class)
                .setParameter("companies", companies).getResultList());
        List<FeedEvent> kept = events.stream().filter(e -> on.contains(e.companyId())).toList();
        if (kept.isEmpty()) {
            return;
        }
        em.flush();
        try (Connection db = dataSource.getConnection()) {
            insert(db, kept);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store " + kept.size() + " feed events: " + e.getMessage(), e);
        }
    }

    private static void insert(Connection db, List<FeedEvent> events) throws SQLException {
        boolean postgres;
        try {
            postgres = PostgresCopy.isPostgres(db);
        } catch (NoClassDefFoundError noDriver) {
            postgres = false;
        }
        if (postgres && events.size() > 20) {
            List<Long> ids = new ArrayList<>(events.size());
            try (PreparedStatement next = db.prepareStatement(
                    "SELECT nextval('feed_event_seq') FROM generate_series(1, ?)")) {
                next.setInt(1, events.size());
                try (ResultSet rows = next.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            ids.sort(null);
            List<Object[]> rows = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                FeedEvent e = events.get(i);
                rows.add(new Object[] {ids.get(i), e.companyId(), e.occurredAt(), e.type(), severity(e),
                    e.endpointId(), cut(e.hostname(), 255), cut(e.policy(), 200), cut(e.checkId(), 120),
                    subject(e), cut(e.before(), 2000), cut(e.after(), 2000), cut(e.detail(), 2000)});
            }
            PostgresCopy.copy(db, "COPY feed_event (id, company_id, occurred_at, type, severity, endpoint_id, "
                    + "hostname, policy, check_id, subject, before_value, after_value, detail) FROM STDIN", rows);
            return;
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO feed_event (id, company_id, occurred_at, "
                + "type, severity, endpoint_id, hostname, policy, check_id, subject, before_value, after_value, detail) "
                + "VALUES (nextval('feed_event_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (FeedEvent e : events) {
                insert.setLong(1, e.companyId());
                insert.setObject(2, e.occurredAt());
                insert.setString(3, e.type());
                insert.setString(4, severity(e));
                if (e.endpointId() == null) {
                    insert.setNull(5, Types.BIGINT);
                } else {
                    insert.setLong(5, e.endpointId());
                }
                insert.setString(6, cut(e.hostname(), 255));
                insert.setString(7, cut(e.policy(), 200));
                insert.setString(8, cut(e.checkId(), 120));
                insert.setString(9, subject(e));
                insert.setString(10, cut(e.before(), 2000));
                insert.setString(11, cut(e.after(), 2000));
                insert.setString(12, cut(e.detail(), 2000));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String severity(FeedEvent e) {
        return e.severity() == null ? "info" : cut(e.severity().toLowerCase(java.util.Locale.ROOT), 20);
    }

    private static String subject(FeedEvent e) {
        String s = cut(e.subject(), 500);
        return s == null || s.isBlank() ? e.type() : s;
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The companies with events not numbered yet. */
    public List<Long> unsequenced() {
        return em.createQuery("SELECT DISTINCT e.companyId FROM FeedRecord e WHERE e.seq IS NULL", Long.class)
                .getResultList();
    }

    /**
     * Numbers the company's committed, unnumbered events after its last number, in the order of their ids, with
     * the company's feed row locked (one sequencer per company at a time, across instances). Returns how many.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sequence(long companyId) {
        FeedSettings settings = em.find(FeedSettings.class, companyId, LockModeType.PESSIMISTIC_WRITE);
        if (settings == null) {
            return 0;
        }
        List<Long> ids = em.createQuery("SELECT e.id FROM FeedRecord e WHERE e.companyId = :company "
                        + "AND e.seq IS NULL ORDER BY e.id", Long.class)
                .setParameter("company", companyId).setMaxResults(SEQUENCE_MAX).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        long last = settings.getLastSeq();
        em.flush();
        // on the persistence context's own connection, which holds the lock (a second connection of the pool is
        // a second XA branch on H2, whose end fails)
        Connection db = em.unwrap(Connection.class);
        try (PreparedStatement number = db.prepareStatement("UPDATE feed_event SET seq = ? WHERE id = ?")) {
            for (Long id : ids) {
                number.setLong(1, ++last);
                number.setLong(2, id);
                number.addBatch();
            }
            number.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not number the feed of company " + companyId, e);
        }
        settings.numbered(last, OffsetDateTime.now(clock));
        return ids.size();
    }

    /** The company's events numbered after {@code after}, in order, at most {@code max}: for its pull readers. */
    public List<FeedItem> read(long companyId, long after, int max) {
        access.require(companyId, Permission.READ_FEED);
        return items(companyId, after, max);
    }

    /** A page of the pull API: OCSF JSON lines, the last number in it ({@code after} when empty), the newest. */
    public record Pulled(List<String> lines, long last, long latest) {
    }

    /** The company's events numbered after {@code after} as OCSF JSON lines, at most {@code max}. */
    public Pulled pull(long companyId, long after, int max) {
        if (after < 0) {
            throw new InvalidInputException("after", "A sequence number, 0 for the start");
        }
        List<FeedItem> items = read(companyId, after, max);
        String version = java.util.Objects.requireNonNullElse(Feed.class.getPackage().getImplementationVersion(),
                "unknown");
        return new Pulled(items.stream().map(i -> OcsfEvent.of(i, version)).toList(),
                items.isEmpty() ? after : items.get(items.size() - 1).seq(), latest(companyId));
    }

    /** The newest number of the company's feed (0 before the first). */
    public long latest(long companyId) {
        access.require(companyId, Permission.READ_FEED);
        FeedSettings settings = em.find(FeedSettings.class, companyId);
        return settings == null ? 0 : settings.getLastSeq();
    }

    /** As {@link #read}, for delivery (no caller). */
    public List<FeedItem> items(long companyId, long after, int max) {
        return em.createQuery("SELECT NEW org.caart.feed.entity.FeedItem(e.seq, e.companyId, e.occurredAt, e.type, "
                        + "e.severity, e.endpointId, e.hostname, e.policy, e.checkId, e.subject, e.before, e.after, "
                        + "e.detail) FROM FeedRecord e WHERE e.companyId = :company AND e.seq > :after "
                        + "ORDER BY e.seq", FeedItem.class)
                .setParameter("company", companyId).setParameter("after", after)
                .setMaxResults(Math.max(1, Math.min(max, PAGE_MAX))).getResultList();
    }
}
