package org.caart.waiver.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.caart.platform.archive.ArchiveIn;
import org.caart.platform.archive.ArchiveOut;
import org.caart.platform.archive.CompanyPart;
import org.caart.platform.archive.IdMap;
import org.caart.platform.archive.Inserts;
import org.caart.platform.archive.Sequence;
import org.caart.policy.boundary.PolicyArchive;

/**
 * The exceptions' share of a company archive: every exception with its decision and state, the observed values it
 * was granted for (its evidence), and the company's longest periods per severity. An exception's endpoint points to
 * the imported endpoint; its requester and decider to the imported members (the owner when the account is not part
 * of the archive, the e-mails stay as they were).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class WaiverArchive implements CompanyPart {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    @Override
    public String name() {
        return "waiver";
    }

    @Override
    public int rank() {
        return 45;
    }

    @Override
    public void export(long companyId, ArchiveOut out) {
        out.rows("waiver_limit", "SELECT * FROM waiver_limit WHERE company_id = ? ORDER BY severity", companyId);
        out.rows("waiver", "SELECT * FROM waiver WHERE company_id = ? ORDER BY id", companyId);
        out.rows("waiver_evidence", "SELECT * FROM waiver_evidence WHERE company_id = ? ORDER BY id", companyId);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void restore(ArchiveIn in, IdMap ids) {
        long company = ids.companyId();
        try (Connection db = dataSource.getConnection()) {
            try (Inserts insert = new Inserts(db, "INSERT INTO waiver_limit (company_id, severity, max_days) "
                    + "VALUES (?, ?, ?)")) {
                in.forEach("waiver_limit", row -> insert.add(company, row.text("severity"), row.integer("max_days")));
            }
            Sequence waivers = new Sequence("SELECT nextval('waiver_seq')", 50);
            try (Inserts insert = new Inserts(db, "INSERT INTO waiver (id, company_id, policy_id, check_id, "
                    + "check_title, severity, scope, endpoint_id, tag, reason, ticket, expires_on, expires_at, status, "
                    + "requested_by, requested_by_email, requested_at, decided_by, decided_by_email, decided_at, "
                    + "decision_note, approved_at, reopened_at, reopen_reason, ended_at, evidence_checked_at, "
                    + "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, 1)")) {
                in.forEach("waiver", row -> {
                    long id = waivers.next(db);
                    ids.put("waiver", row.required("id"), id);
                    Long requester = ids.find("user_account", row.number("requested_by"));
                    Long endpoint = row.number("endpoint_id") == null ? null
                            : ids.require("endpoint", row.number("endpoint_id"), row);
                    insert.add(id, company, PolicyArchive.remap(row.text("policy_id"), ids), row.text("check_id"),
                            row.text("check_title"), row.text("severity"), row.text("scope"), endpoint,
                            row.text("tag"), row.text("reason"), row.text("ticket"), row.date("expires_on"),
                            row.time("expires_at"), row.text("status"), requester == null ? ids.ownerId() : requester,
                            row.text("requested_by_email"), row.time("requested_at"),
                            ids.find("user_account", row.number("decided_by")), row.text("decided_by_email"),
                            row.time("decided_at"), row.text("decision_note"), row.time("approved_at"),
                            row.time("reopened_at"), row.text("reopen_reason"), row.time("ended_at"),
                            row.time("evidence_checked_at"), row.time("updated_at"));
                });
            }
            Sequence evidence = new Sequence("SELECT nextval('waiver_evidence_seq')", 50);
            try (Inserts insert = new Inserts(db, "INSERT INTO waiver_evidence (id, waiver_id, company_id, observed) "
                    + "VALUES (?, ?, ?, ?)")) {
                in.forEach("waiver_evidence", row -> insert.add(evidence.next(db),
                        ids.require("waiver", row.number("waiver_id"), row), company, row.text("observed")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import the exceptions: " + e.getMessage(), e);
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void erase(long companyId) {
        for (String sql : new String[] {
            "DELETE FROM waiver_evidence WHERE company_id = ?1",
            "DELETE FROM waiver WHERE company_id = ?1",
            "DELETE FROM waiver_limit WHERE company_id = ?1"}) {
            em.createNativeQuery(sql).setParameter(1, companyId).executeUpdate();
        }
    }
}
