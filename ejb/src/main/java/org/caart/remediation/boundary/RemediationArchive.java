package org.caart.remediation.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.caart.platform.archive.ArchiveIn;
import org.caart.platform.archive.ArchiveOut;
import org.caart.platform.archive.ArchiveRefused;
import org.caart.platform.archive.CompanyPart;
import org.caart.platform.archive.IdMap;
import org.caart.platform.archive.Inserts;
import org.caart.platform.archive.Row;
import org.caart.platform.archive.Sequence;
import org.caart.policy.boundary.PolicyArchive;

/**
 * The remediation component's share of a company archive: the remediations, their items with before and after
 * values, the orders sent to agents and the journal of every reported state (steps), and the approval setting.
 * An item's result id points to the imported result (0 when that result was deleted before the export).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RemediationArchive implements CompanyPart {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    @Override
    public String name() {
        return "remediation";
    }

    @Override
    public int rank() {
        return 60;
    }

    @Override
    public void export(long companyId, ArchiveOut out) {
        out.rows("remediation_setting", "SELECT * FROM remediation_setting WHERE company_id = ?", companyId);
        out.rows("remediation", "SELECT * FROM remediation WHERE company_id = ? ORDER BY id", companyId);
        out.rows("remediation_item", "SELECT * FROM remediation_item WHERE company_id = ? ORDER BY id",
                companyId);
        out.rows("remediation_order", "SELECT * FROM remediation_order WHERE company_id = ? "
                + "ORDER BY created_at, id", companyId);
        out.rows("remediation_step", "SELECT s.* FROM remediation_step s JOIN remediation_item i "
                + "ON i.id = s.item_id WHERE i.company_id = ? ORDER BY s.id", companyId);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void restore(ArchiveIn in, IdMap ids) {
        long company = ids.companyId();
        try (Connection db = dataSource.getConnection()) {
            try (Inserts insert = new Inserts(db, "INSERT INTO remediation_setting (company_id, approval_required, "
                    + "changed_by, changed_at) VALUES (?, ?, ?, ?)")) {
                in.forEach("remediation_setting", row -> insert.add(company, row.flag("approval_required"),
                        row.text("changed_by"), row.time("changed_at")));
            }
            Sequence remediations = new Sequence("SELECT nextval('remediation_seq')", 50);
            try (Inserts insert = new Inserts(db, "INSERT INTO remediation (id, company_id, status, requested_by, "
                    + "requested_by_email, approval_required, approved_by, approved_by_email, created_at, approved_at, "
                    + "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                in.forEach("remediation", row -> {
                    long id = remediations.next(db);
                    ids.put("remediation", row.required("id"), id);
                    Long requester = ids.find("user_account", row.number("requested_by"));
                    insert.add(id, company, row.text("status"), requester == null ? ids.ownerId() : requester,
                            row.text("requested_by_email"), row.flag("approval_required"),
                            ids.find("user_account", row.number("approved_by")), row.text("approved_by_email"),
                            row.time("created_at"), row.time("approved_at"), row.time("updated_at"));
                });
            }
            items(in, ids, db);
            orders(in, ids, db);
            Sequence steps = new Sequence("SELECT nextval('remediation_step_seq')", 50);
            try (Inserts insert = new Inserts(db, "INSERT INTO remediation_step (id, item_id, order_id, action, "
                    + "state, before_value, after_value, message, reported_at, received_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                in.forEach("remediation_step", row -> insert.add(steps.next(db),
                        ids.require("remediation_item", row.number("item_id"), row),
                        ids.requireText("remediation_order", row.text("order_id"), row), row.text("action"),
                        row.text("state"), row.text("before_value"), row.text("after_value"), row.text("message"),
                        row.text("reported_at"), row.time("received_at")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import the remediations: " + e.getMessage(), e);
        }
    }

    private static void items(ArchiveIn in, IdMap ids, Connection db) throws SQLException {
        Sequence items = new Sequence("SELECT nextval('remediation_item_seq')", 50);
        try (Inserts insert = new Inserts(db, "INSERT INTO remediation_item (id, remediation_id, company_id, "
                + "endpoint_id, hostname, check_result_id, check_id, policy_id, title, severity, expected, "
                + "remediation_text, plan_state, state, fix_kind, observed, target, flags, manual_text, before_value, "
                + "after_value, message, updated_at, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            in.forEach("remediation_item", row -> {
                long id = items.next(db);
                ids.put("remediation_item", row.required("id"), id);
                Long result = ids.find("check_result", row.number("check_result_id"));
                insert.add(id, ids.require("remediation", row.number("remediation_id"), row), ids.companyId(),
                        ids.require("endpoint", row.number("endpoint_id"), row), row.text("hostname"),
                        result == null ? 0L : result, row.text("check_id"),
                        PolicyArchive.remap(row.text("policy_id"), ids), row.text("title"), row.text("severity"),
                        row.text("expected"), row.text("remediation_text"), row.text("plan_state"),
                        row.text("state"), row.text("fix_kind"), row.text("observed"), row.text("target"),
                        row.text("flags"), row.text("manual_text"), row.text("before_value"),
                        row.text("after_value"), row.text("message"), row.time("updated_at"));
            });
        }
    }

    private static void orders(ArchiveIn in, IdMap ids, Connection db) throws SQLException {
        try (Inserts insert = new Inserts(db, "INSERT INTO remediation_order (id, remediation_id, company_id, "
                + "endpoint_id, action, rollback_of, item_ids, status, last_sequence, remediation_allowed, message, "
                + "created_at, taken_at, finished_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            in.forEach("remediation_order", row -> {
                String rollbackOf = ids.requireText("remediation_order", row.text("rollback_of"), row);
                insert.add(ids.newText("remediation_order", row.text("id")),
                        ids.require("remediation", row.number("remediation_id"), row), ids.companyId(),
                        ids.require("endpoint", row.number("endpoint_id"), row), row.text("action"), rollbackOf,
                        itemIds(row, ids), row.text("status"), row.integer("last_sequence"),
                        row.flag("remediation_allowed"), row.text("message"), row.time("created_at"),
                        row.time("taken_at"), row.time("finished_at"));
            });
        }
    }

    private static String itemIds(Row row, IdMap ids) {
        String old = row.text("item_ids");
        if (old == null || old.isBlank()) {
            throw new ArchiveRefused(row.where() + ": item_ids is missing");
        }
        List<String> now = new ArrayList<>();
        for (String id : old.split(",")) {
            try {
                now.add(String.valueOf(ids.require("remediation_item", Long.valueOf(id.strip()), row)));
            } catch (NumberFormatException e) {
                throw new ArchiveRefused(row.where() + ": item_ids is not a list of ids");
            }
        }
        return String.join(",", now);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void erase(long companyId) {
        for (String sql : new String[] {
            "DELETE FROM remediation_step WHERE item_id IN (SELECT id FROM remediation_item WHERE company_id = ?1)",
            "UPDATE remediation_order SET rollback_of = NULL WHERE company_id = ?1",
            "DELETE FROM remediation_order WHERE company_id = ?1",
            "DELETE FROM remediation_item WHERE company_id = ?1",
            "DELETE FROM remediation WHERE company_id = ?1",
            "DELETE FROM remediation_setting WHERE company_id = ?1"}) {
            em.createNativeQuery(sql).setParameter(1, companyId).executeUpdate();
        }
    }
}
