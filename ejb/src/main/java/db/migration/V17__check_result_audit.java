package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A result names its run's audit (issue 16's figures, {@code bench/portal.sh}): the audit page shows an audit's
 * results in check order, 50 at a time, filtered by status and severity. Through {@code run_id} that meant finding
 * and sorting all of a 1,000-endpoint audit's 200,000 results at every poll (up to 2 s per statement); with the audit
 * in the row the page is the first entries of {@code check_result_audit_idx} in order, the status, severity and
 * company conditions are checked inside the index (key columns), and a count with a severity filter reads the index
 * only. The ingest ({@code ResultRows}) and the archive import write {@code audit_id} with every row.
 *
 * <p>Existing rows get their run's audit. On PostgreSQL that rewrites every result once, in this migration's
 * transaction, so the index is partial ({@code WHERE audit_id IS NOT NULL}): the rows' old versions, which that
 * transaction still sees, have no audit and are left out of it, instead of doubling its size (every query names an
 * audit, which implies the condition). H2 has no partial indexes and needs none of this. Afterwards
 * {@code VACUUM ANALYZE check_result} frees the old versions and lets counts read the index only (autovacuum does
 * it in time; docs/operations.md). A Java migration because the two databases need different statements.
 */
public class V17__check_result_audit extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        boolean postgres = db.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
        try (Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE check_result ADD COLUMN audit_id BIGINT");
            if (postgres) {
                ddl.execute("UPDATE check_result c SET audit_id = r.audit_id FROM audit_run r WHERE r.id = c.run_id");
                ddl.execute("CREATE INDEX check_result_audit_idx ON check_result "
                        + "(audit_id, check_id, id, status, severity, company_id) WHERE audit_id IS NOT NULL");
            } else {
                ddl.execute("UPDATE check_result SET audit_id = (SELECT r.audit_id FROM audit_run r "
                        + "WHERE r.id = check_result.run_id)");
                ddl.execute("CREATE INDEX check_result_audit_idx ON check_result "
                        + "(audit_id, check_id, id, status, severity, company_id)");
            }
        }
    }
}
