package org.caart.trail.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Permission;
import org.caart.platform.PostgresCopy;
import org.caart.platform.TrailEntries;
import org.caart.platform.TrailEntry;
import org.caart.trail.entity.TrailEvent;

/**
 * Writes and reads the security audit trail. Components do not call it: they fire {@link TrailEntry} events
 * (through {@code TrailRecorder}), which this bean stores.
 */
@Stateless
public class Trail {

    static final int ROWS = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Access access;

    @Resource
    SessionContext context;

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    /**
     * Stores an entry as part of the caller's transaction (it exists exactly when the action happened), or, for a
     * refusal, in a transaction of its own, so that it survives the caller's rollback.
     */
    public void record(@Observes TrailEntry entry) {
        if (entry.refusal()) {
            context.getBusinessObject(Trail.class).recordRefusal(entry);
        } else {
            store(entry);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(TrailEntry entry) {
        store(entry);
    }

    /**
     * Stores many entries in the caller's transaction, on the transaction's connection with plain JDBC: on
     * PostgreSQL one query for their ids and one {@code COPY} (the daily patch check reports thousands of newly
     * overdue devices at once: a multi-row insert made PostgreSQL parse and plan thousands of parameters per
     * statement); elsewhere one multi-row insert per {@value #ROWS} entries (EclipseLink binds a native query's
     * parameters in time quadratic in their number: 0.7 ms per entry at 150 entries).
     */
    public void recordAll(@Observes TrailEntries all) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<TrailEntry> entries = all.entries();
        if (entries.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (copied(connection, now, entries)) {
                return;
            }
            for (int from = 0; from < entries.size(); from += ROWS) {
                insert(connection, now, entries.subList(from, Math.min(entries.size(), from + ROWS)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write " + entries.size() + " trail events: " + e.getMessage(),
                    e);
        }
    }

    /** False (nothing written) when the connection is not PostgreSQL's. */
    private static boolean copied(Connection connection, OffsetDateTime now, List<TrailEntry> entries)
            throws SQLException {
        try {
            if (!PostgresCopy.isPostgres(connection)) {
                return false;
            }
        } catch (NoClassDefFoundError e) {
            return false; // no PostgreSQL driver here, so not a PostgreSQL connection either
        }
        List<Long> ids = new ArrayList<>(entries.size());
        try (PreparedStatement next = connection.prepareStatement(
                "SELECT nextval('trail_event_seq') FROM generate_series(1, ?)")) {
            next.setInt(1, entries.size());
            try (ResultSet rows = next.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        Collections.sort(ids); // the entries' order, as the multi-row insert numbers them
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            TrailEvent e = event(now, entries.get(i)); // the entity's rules (lengths)
            rows.add(new Object[] {ids.get(i), e.getOccurredAt(), e.getCompanyId(), e.getActorId(), e.getActor(),
                e.getAction(), e.getTarget(), e.getDetail(), e.getSourceAddress()});
        }
        return PostgresCopy.copy(connection, "COPY trail_event (id, occurred_at, company_id, actor_id, actor, action, "
                + "target, detail, source_address) FROM STDIN", rows);
    }

    private static void insert(Connection connection, OffsetDateTime now, List<TrailEntry> chunk)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO trail_event (id, occurred_at, "
                + "company_id, actor_id, actor, action, target, detail, source_address) VALUES "
                + String.join(", ", Collections.nCopies(chunk.size(),
                        "(nextval('trail_event_seq'), ?, ?, ?, ?, ?, ?, ?, ?)")))) {
            int p = 1;
            for (TrailEntry entry : chunk) {
                TrailEvent e = event(now, entry); // the entity's rules (lengths), its columns written set-based
                insert.setObject(p++, e.getOccurredAt());
                for (Long id : new Long[] {e.getCompanyId(), e.getActorId()}) {
                    if (id == null) {
                        insert.setNull(p++, Types.BIGINT);
                    } else {
                        insert.setLong(p++, id);
                    }
                }
                for (String text : new String[] {e.getActor(), e.getAction(), e.getTarget(), e.getDetail(),
                        e.getSourceAddress()}) {
                    insert.setString(p++, text);
                }
            }
            insert.executeUpdate();
        }
    }

    private void store(TrailEntry entry) {
        em.persist(event(OffsetDateTime.now(clock), entry));
    }

    private static TrailEvent event(OffsetDateTime at, TrailEntry e) {
        return new TrailEvent(at, e.companyId(), e.actorId(), e.actor(), e.action(), e.target(), e.detail(),
                e.sourceAddress());
    }

    /** The newest events of the whole platform: the platform operator's view. */
    @RolesAllowed("OPERATOR")
    public List<TrailEvent> latest(int max) {
        return em.createQuery("SELECT e FROM TrailEvent e ORDER BY e.occurredAt DESC, e.id DESC", TrailEvent.class)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * The newest events of the whole platform in which {@code text} occurs (actor, action, target, detail or source
     * address, ignoring case): the platform operator's search.
     */
    @RolesAllowed("OPERATOR")
    public List<TrailEvent> latestMatching(String text, int max) {
        return em.createQuery("SELECT e FROM TrailEvent e WHERE " + MATCHES + " ORDER BY e.occurredAt DESC, e.id DESC",
                        TrailEvent.class)
                .setParameter("text", pattern(text)).setMaxResults(max).getResultList();
    }

    private static final String MATCHES = "(LOWER(COALESCE(e.actor, '')) LIKE :text ESCAPE '\\' "
            + "OR LOWER(e.action) LIKE :text ESCAPE '\\' "
            + "OR LOWER(COALESCE(e.target, '')) LIKE :text ESCAPE '\\' "
            + "OR LOWER(COALESCE(e.detail, '')) LIKE :text ESCAPE '\\' "
            + "OR LOWER(COALESCE(e.sourceAddress, '')) LIKE :text ESCAPE '\\')";

    private static String pattern(String text) {
        return text == null || text.isBlank() ? "%"
                : "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }

    /** A company's events, newest first, for the platform operator: also those of a deleted company. */
    @RolesAllowed("OPERATOR")
    public List<TrailEvent> ofCompany(long companyId, int max) {
        return em.createQuery("SELECT e FROM TrailEvent e WHERE e.companyId = :company "
                        + "ORDER BY e.occurredAt DESC, e.id DESC", TrailEvent.class)
                .setParameter("company", companyId)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * The company's own trail, newest first, for its owners and admins. {@code text} (optional) must occur in the
     * actor, action, target, detail or source address, ignoring case.
     */
    public List<TrailEvent> forCompany(long companyId, String text, int max) {
        return page(companyId, text, 0, max).events();
    }

    /** A page of the company's trail and the count of the events that match. */
    public record TrailPage(List<TrailEvent> events, long count) {
    }

    /** The company's trail as {@link #forCompany}, from {@code first}, at most {@code max}, with the count. */
    public TrailPage page(long companyId, String text, int first, int max) {
        access.require(companyId, Permission.VIEW_TRAIL);
        String pattern = text == null || text.isBlank() ? "%"
                : "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        String where = "FROM TrailEvent e WHERE e.companyId = :company AND ("
                + "LOWER(COALESCE(e.actor, '')) LIKE :text ESCAPE '\\' "
                + "OR LOWER(e.action) LIKE :text ESCAPE '\\' "
                + "OR LOWER(COALESCE(e.target, '')) LIKE :text ESCAPE '\\' "
                + "OR LOWER(COALESCE(e.detail, '')) LIKE :text ESCAPE '\\' "
                + "OR COALESCE(e.sourceAddress, '') LIKE :text ESCAPE '\\')";
        List<TrailEvent> events = em.createQuery("SELECT e " + where + " ORDER BY e.occurredAt DESC, e.id DESC",
                        TrailEvent.class)
                .setParameter("company", companyId).setParameter("text", pattern)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, max))
                .getResultList();
        long count = em.createQuery("SELECT COUNT(e) " + where, Long.class)
                .setParameter("company", companyId).setParameter("text", pattern).getSingleResult();
        return new TrailPage(events, count);
    }
}
