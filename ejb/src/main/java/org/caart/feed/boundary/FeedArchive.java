package org.caart.feed.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.caart.platform.archive.ArchiveIn;
import org.caart.platform.archive.ArchiveOut;
import org.caart.platform.archive.CompanyPart;
import org.caart.platform.archive.IdMap;
import org.caart.platform.archive.Inserts;
import org.caart.platform.archive.Sequence;

/**
 * The feed's share of a company archive: its settings and syslog destinations. The events themselves are not
 * archived (they are a delivery queue; the trail and the results they came from are). An imported company's feed
 * starts again at number 1, and its destinations are imported switched off: the original instance may still send
 * to the same receivers.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class FeedArchive implements CompanyPart {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    @Override
    public String name() {
        return "feed";
    }

    @Override
    public int rank() {
        return 70;
    }

    @Override
    public void export(long companyId, ArchiveOut out) {
        out.rows("feed_company", "SELECT company_id, enabled, snapshot_daily, updated_at FROM feed_company "
                + "WHERE company_id = ?", companyId);
        out.rows("feed_destination", "SELECT id, name, host, port, tls, ca_pem, payload, enabled, created_at "
                + "FROM feed_destination WHERE company_id = ? ORDER BY id", companyId);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void restore(ArchiveIn in, IdMap ids) {
        long company = ids.companyId();
        try (Connection db = dataSource.getConnection()) {
            try (Inserts insert = new Inserts(db, "INSERT INTO feed_company (company_id, enabled, snapshot_daily, "
                    + "last_seq, updated_at, version) VALUES (?, ?, ?, 0, ?, 1)")) {
                in.forEach("feed_company", row -> insert.add(company, row.flag("enabled"), row.flag("snapshot_daily"),
                        row.time("updated_at")));
            }
            Sequence destinations = new Sequence("SELECT nextval('feed_destination_seq')", 50);
            try (Inserts insert = new Inserts(db, "INSERT INTO feed_destination (id, company_id, name, host, port, "
                    + "tls, ca_pem, payload, enabled, delivered_seq, failures, created_at, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, 0, 0, ?, 1)")) {
                in.forEach("feed_destination", row -> insert.add(destinations.next(db), company, row.text("name"),
                        row.text("host"), row.integer("port"), row.flag("tls"), row.text("ca_pem"),
                        row.text("payload"), row.time("created_at") == null ? OffsetDateTime.now()
                                : row.time("created_at")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import the feed settings: " + e.getMessage(), e);
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void erase(long companyId) {
        for (String sql : new String[] {
            "DELETE FROM feed_event WHERE company_id = ?1",
            "DELETE FROM feed_destination WHERE company_id = ?1",
            "DELETE FROM feed_company WHERE company_id = ?1"}) {
            em.createNativeQuery(sql).setParameter(1, companyId).executeUpdate();
        }
    }
}
