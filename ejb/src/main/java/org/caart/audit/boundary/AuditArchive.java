package org.caart.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.caart.audit.control.ArchivedResults;
import org.caart.audit.control.AuditRemoval;
import org.caart.platform.archive.ArchiveIn;
import org.caart.platform.archive.ArchiveOut;
import org.caart.platform.archive.CompanyPart;
import org.caart.platform.archive.IdMap;
import org.caart.platform.archive.Inserts;
import org.caart.platform.archive.Sequence;
import org.caart.policy.boundary.PolicyArchive;

/**
 * The audit component's share of a company archive: audits, their runs, every result with its evidence
 * (reason, expected, observed) and the check texts the results use, and the retention setting. The scores,
 * "failing since" and the trend are computed from these rows, so they come back the same. Batch ids
 * ({@code ingested_batch}) belong to the agents' transport and are not carried.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditArchive implements CompanyPart {

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    @Inject
    AuditRemoval removal;

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public int rank() {
        return 40;
    }

    @Override
    public void export(long companyId, ArchiveOut out) {
        out.rows("audit_retention", "SELECT keep_days, changed_by, changed_at FROM audit_retention "
                + "WHERE company_id = ?", companyId);
        out.rows("audit", "SELECT * FROM audit WHERE company_id = ? ORDER BY id", companyId);
        out.rows("audit_run", "SELECT * FROM audit_run WHERE company_id = ? ORDER BY created_at, id",
                companyId);
        out.rows("check_text", "SELECT id, refs, description, rationale, remediation FROM check_text "
                + "WHERE id IN (SELECT DISTINCT text_id FROM check_result WHERE run_id IN (SELECT id FROM audit_run "
                + "WHERE company_id = ?)) ORDER BY id", companyId);
        out.rows("check_result", "SELECT id, run_id, check_id, title, status, severity, text_id, reason, "
                + "expected, observed, duration_micros, received_at FROM check_result WHERE run_id IN (SELECT id "
                + "FROM audit_run WHERE company_id = ?) ORDER BY id", companyId);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void restore(ArchiveIn in, IdMap ids) {
        try (Connection db = dataSource.getConnection()) {
            try (Inserts insert = new Inserts(db, "INSERT INTO audit_retention (company_id, keep_days, changed_by, "
                    + "changed_at) VALUES (?, ?, ?, ?)")) {
                in.forEach("audit_retention", row -> insert.add(ids.companyId(), row.integer("keep_days"),
                        row.text("changed_by"), row.time("changed_at")));
            }
            Sequence audits = new Sequence("SELECT nextval('audit_seq')", 50);
            try (Inserts insert = new Inserts(db, "INSERT INTO audit (id, company_id, created_by, title, status, "
                    + "created_at, started_at, finished_at, policy_choice, stop_requested_at, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                in.forEach("audit", row -> {
                    long id = audits.next(db);
                    ids.put("audit", row.required("id"), id);
                    insert.add(id, ids.companyId(), ids.find("user_account", row.number("created_by")),
                            row.text("title"), row.text("status"), row.time("created_at"), row.time("started_at"),
                            row.time("finished_at"), PolicyArchive.remap(row.text("policy_choice"), ids),
                            row.time("stop_requested_at"));
                });
            }
            Map<String, Long> auditOfRun = new HashMap<>();
            try (Inserts insert = new Inserts(db, "INSERT INTO audit_run (id, audit_id, company_id, endpoint_id, "
                    + "policy_id, policy_name, status, planned, received, passed, failed, not_applicable, errors, "
                    + "not_run, created_at, start_deadline, started_at, finished_at, stop_requested, error, "
                    + "last_batch_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                in.forEach("audit_run", row -> {
                    String runId = ids.newText("audit_run", row.text("id"));
                    Long auditId = ids.require("audit", row.number("audit_id"), row);
                    auditOfRun.put(runId, auditId);
                    insert.add(runId, auditId, ids.companyId(),
                        ids.require("endpoint", row.number("endpoint_id"), row),
                        PolicyArchive.remap(row.text("policy_id"), ids), row.text("policy_name"), row.text("status"),
                        row.integer("planned"), row.integer("received"), row.integer("passed"), row.integer("failed"),
                        row.integer("not_applicable"), row.integer("errors"), row.integer("not_run"),
                        row.time("created_at"), row.time("start_deadline"), row.time("started_at"),
                        row.time("finished_at"), Boolean.TRUE.equals(row.flag("stop_requested")), row.text("error"),
                        row.time("last_batch_at"));
                });
            }
            try (ArchivedResults results = new ArchivedResults(db, ids, auditOfRun)) {
                in.forEach("check_text", results::text);
                results.flushTexts();
                in.forEach("check_result", results::result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import the audits: " + e.getMessage(), e);
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void erase(long companyId) {
        removal.removeAll(companyId);
    }
}
