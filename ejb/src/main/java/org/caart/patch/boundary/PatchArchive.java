package org.caart.patch.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.caart.platform.Tokens;
import org.caart.platform.archive.ArchiveIn;
import org.caart.platform.archive.ArchiveOut;
import org.caart.platform.archive.CompanyPart;
import org.caart.platform.archive.IdMap;
import org.caart.platform.archive.Inserts;
import org.caart.platform.archive.Sequence;

/**
 * The patch component's share of a company archive: the patch policy and its overrides, the devices with their
 * patch-date history and evaluation, the record of patch checks, and the API keys without their secret (imported
 * revoked: a key works on the instance that issued it).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PatchArchive implements CompanyPart {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "patch";
    }

    @Override
    public int rank() {
        return 50;
    }

    @Override
    public void export(long companyId, ArchiveOut out) {
        out.rows("patch_policy", "SELECT * FROM patch_policy WHERE company_id = ?", companyId);
        out.rows("patch_override", "SELECT * FROM patch_override WHERE company_id = ? ORDER BY kind, subject",
                companyId);
        out.rows("patch_check", "SELECT * FROM patch_check WHERE company_id = ? ORDER BY id", companyId);
        out.rows("device", "SELECT * FROM device WHERE company_id = ? ORDER BY id", companyId);
        out.rows("patch_record", "SELECT r.* FROM patch_record r JOIN device d ON d.id = r.device_id "
                + "WHERE d.company_id = ? ORDER BY r.id", companyId);
        out.rows("api_key", "SELECT id, name, key_prefix, created_by, created_at, last_used_at, revoked_at "
                + "FROM api_key WHERE company_id = ? ORDER BY id", companyId);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void restore(ArchiveIn in, IdMap ids) {
        long company = ids.companyId();
        try (Connection db = dataSource.getConnection()) {
            try (Inserts insert = new Inserts(db, "INSERT INTO patch_policy (company_id, max_age_days, warning_days, "
                    + "check_hour, compliance_hour, stale_agent_hours, version) VALUES (?, ?, ?, ?, ?, ?, 1)")) {
                in.forEach("patch_policy", row -> insert.add(company, row.integer("max_age_days"),
                        row.integer("warning_days"), row.integer("check_hour"), row.integer("compliance_hour"),
                        row.integer("stale_agent_hours")));
            }
            try (Inserts insert = new Inserts(db, "INSERT INTO patch_override (company_id, kind, subject, "
                    + "max_age_days) VALUES (?, ?, ?, ?)")) {
                in.forEach("patch_override", row -> insert.add(company, row.text("kind"), row.text("subject"),
                        row.integer("max_age_days")));
            }
            Sequence checks = new Sequence("SELECT nextval('patch_check_seq')", 50);
            try (Inserts insert = new Inserts(db, "INSERT INTO patch_check (id, company_id, run_date, kind, actor, "
                    + "started_at, finished_at, devices, current_count, due_soon_count, overdue_count, unknown_count, "
                    + "newly_overdue, mails, statements, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "1)")) {
                in.forEach("patch_check", row -> {
                    long id = checks.next(db);
                    ids.put("patch_check", row.required("id"), id);
                    insert.add(id, company, row.date("run_date"), row.text("kind"), row.text("actor"),
                            row.time("started_at"), row.time("finished_at"), row.integer("devices"),
                            row.integer("current_count"), row.integer("due_soon_count"), row.integer("overdue_count"),
                            row.integer("unknown_count"), row.integer("newly_overdue"), row.integer("mails"),
                            row.integer("statements"));
                });
            }
            devices(in, ids, db);
            keys(in, company, db);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import the devices: " + e.getMessage(), e);
        }
    }

    private static void devices(ArchiveIn in, IdMap ids, Connection db) throws SQLException {
        Sequence devices = new Sequence("SELECT nextval('device_seq')", 50);
        try (Inserts insert = new Inserts(db, "INSERT INTO device (id, company_id, name, name_key, device_type, "
                + "criticality, responsible, endpoint_id, last_patch_date, patch_source, patch_detail, os_build, expiry, "
                + "status, overdue_check_id, created_at, updated_at, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            in.forEach("device", row -> {
                long id = devices.next(db);
                ids.put("device", row.required("id"), id);
                insert.add(id, ids.companyId(), row.text("name"), row.text("name_key"), row.text("device_type"),
                        row.text("criticality"), row.text("responsible"),
                        ids.require("endpoint", row.number("endpoint_id"), row), row.date("last_patch_date"),
                        row.text("patch_source"), row.text("patch_detail"), row.text("os_build"), row.date("expiry"),
                        row.text("status"), ids.find("patch_check", row.number("overdue_check_id")),
                        row.time("created_at"), row.time("updated_at"));
            });
        }
        Sequence records = new Sequence("SELECT nextval('patch_record_seq')", 50);
        try (Inserts insert = new Inserts(db, "INSERT INTO patch_record (id, device_id, patch_date, source, detail, "
                + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            in.forEach("patch_record", row -> insert.add(records.next(db),
                    ids.require("device", row.number("device_id"), row), row.date("patch_date"), row.text("source"),
                    row.text("detail"), row.text("recorded_by"), row.time("recorded_at")));
        }
    }

    private void keys(ArchiveIn in, long company, Connection db) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Sequence keys = new Sequence("SELECT nextval('api_key_seq')", 50);
        try (Inserts insert = new Inserts(db, "INSERT INTO api_key (id, company_id, name, key_hash, key_prefix, "
                + "created_by, created_at, last_used_at, revoked_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            in.forEach("api_key", row -> insert.add(keys.next(db), company, row.text("name"),
                    Tokens.hash(Tokens.newToken()), row.text("key_prefix"), row.text("created_by"),
                    row.time("created_at"), row.time("last_used_at"),
                    row.time("revoked_at") == null ? now : row.time("revoked_at")));
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void erase(long companyId) {
        for (String sql : new String[] {
            "DELETE FROM patch_record WHERE device_id IN (SELECT id FROM device WHERE company_id = ?1)",
            "DELETE FROM device WHERE company_id = ?1",
            "DELETE FROM patch_check WHERE company_id = ?1",
            "DELETE FROM api_key WHERE company_id = ?1",
            "DELETE FROM patch_override WHERE company_id = ?1",
            "DELETE FROM patch_policy WHERE company_id = ?1"}) {
            em.createNativeQuery(sql).setParameter(1, companyId).executeUpdate();
        }
    }
}
