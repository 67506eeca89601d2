package org.caart.endpoint.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.caart.platform.Tokens;
import org.caart.platform.archive.ArchiveIn;
import org.caart.platform.archive.ArchiveOut;
import org.caart.platform.archive.CompanyPart;
import org.caart.platform.archive.IdMap;
import org.caart.platform.archive.Inserts;
import org.caart.platform.archive.Sequence;

/**
 * The endpoint component's share of a company archive: the enrolled endpoints, without their agents' secrets.
 * Imported endpoints get a new agent id and an unusable secret: the agents keep talking to the instance they
 * enrolled with, and enroll again to report to the imported company. Enrollment tokens (30-minute secrets) are
 * not carried.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class EndpointArchive implements CompanyPart {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    @Override
    public String name() {
        return "endpoint";
    }

    @Override
    public int rank() {
        return 30;
    }

    @Override
    public void export(long companyId, ArchiveOut out) {
        out.rows("endpoint", "SELECT id, agent_id, hostname, os, os_family, os_version, os_build, "
                + "agent_version, tags, status, enrolled_at, last_seen_at, last_patch_date, patch_source, "
                + "dropped_batches, spooled_batches, revoked_at FROM endpoint WHERE company_id = ? ORDER BY id",
                companyId);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void restore(ArchiveIn in, IdMap ids) {
        Sequence sequence = new Sequence("SELECT nextval('endpoint_seq')", 50);
        try (Connection db = dataSource.getConnection();
                Inserts insert = new Inserts(db, "INSERT INTO endpoint (id, company_id, agent_id, secret_hash, "
                        + "hostname, os, os_family, os_version, os_build, agent_version, tags, status, enrolled_at, "
                        + "last_seen_at, last_patch_date, patch_source, dropped_batches, spooled_batches, revoked_at, "
                        + "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            in.forEach("endpoint", row -> {
                long id = sequence.next(db);
                ids.put("endpoint", row.required("id"), id);
                insert.add(id, ids.companyId(), UUID.randomUUID().toString(), Tokens.hash(Tokens.newToken()),
                        row.text("hostname"), row.text("os"), row.text("os_family"), row.text("os_version"),
                        row.text("os_build"), row.text("agent_version"), row.text("tags"), row.text("status"),
                        row.time("enrolled_at"), row.time("last_seen_at"), row.date("last_patch_date"),
                        row.text("patch_source"), row.required("dropped_batches"), row.integer("spooled_batches"),
                        row.time("revoked_at"));
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import the endpoints: " + e.getMessage(), e);
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void erase(long companyId) {
        em.createNativeQuery("DELETE FROM enrollment_token WHERE company_id = ?").setParameter(1, companyId)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM endpoint WHERE company_id = ?").setParameter(1, companyId)
                .executeUpdate();
    }
}
