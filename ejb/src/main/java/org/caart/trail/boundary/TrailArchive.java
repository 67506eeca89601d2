package org.caart.trail.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.caart.platform.archive.ArchiveIn;
import org.caart.platform.archive.ArchiveOut;
import org.caart.platform.archive.CompanyPart;
import org.caart.platform.archive.IdMap;
import org.caart.platform.archive.Inserts;
import org.caart.platform.archive.Sequence;

/**
 * The trail's share of a company archive: the company's trail events. A company deletion leaves them where they
 * are (the trail outlives the company; the platform operator reads them by company id), so {@link #erase} removes
 * nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TrailArchive implements CompanyPart {

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    @Override
    public String name() {
        return "trail";
    }

    @Override
    public int rank() {
        return 90;
    }

    @Override
    public void export(long companyId, ArchiveOut out) {
        out.rows("trail_event", "SELECT id, occurred_at, actor_id, actor, action, target, detail, "
                + "source_address FROM trail_event WHERE company_id = ? ORDER BY id", companyId);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void restore(ArchiveIn in, IdMap ids) {
        Sequence sequence = new Sequence("SELECT nextval('trail_event_seq')", 50);
        try (Connection db = dataSource.getConnection();
                Inserts insert = new Inserts(db, "INSERT INTO trail_event (id, occurred_at, company_id, actor_id, "
                        + "actor, action, target, detail, source_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            in.forEach("trail_event", row -> insert.add(sequence.next(db), row.time("occurred_at"), ids.companyId(),
                    ids.find("user_account", row.number("actor_id")), row.text("actor"), row.text("action"),
                    row.text("target"), row.text("detail"), row.text("source_address")));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import the trail: " + e.getMessage(), e);
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void erase(long companyId) {
        // kept: the trail outlives the company
    }
}
