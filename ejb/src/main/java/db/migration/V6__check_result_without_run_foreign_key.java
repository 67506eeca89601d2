package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops {@code check_result}'s foreign key to {@code audit_run}. Checking it cost PostgreSQL one locking look-up
 * per stored result (about a third of the cost of writing a batch's rows); the rows are written only by
 * {@code ResultRows}, in the transaction that has just found the run and then updates it, and runs are never
 * deleted. A Java migration because the key was created unnamed, so its name differs between PostgreSQL and H2.
 */
public class V6__check_result_without_run_foreign_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        List<String> keys = new ArrayList<>();
        try (PreparedStatement find = db.prepareStatement("SELECT constraint_name FROM information_schema"
                + ".table_constraints WHERE table_schema = current_schema AND table_name = 'check_result' "
                + "AND constraint_type = 'FOREIGN KEY'");
                ResultSet found = find.executeQuery()) {
            while (found.next()) {
                keys.add(found.getString(1));
            }
        }
        if (keys.size() != 1) {
            throw new SQLException("Expected one foreign key on check_result (to audit_run), found " + keys);
        }
        try (Statement drop = db.createStatement()) {
            drop.execute("ALTER TABLE check_result DROP CONSTRAINT \"" + keys.get(0).replace("\"", "\"\"") + "\"");
        }
    }
}
