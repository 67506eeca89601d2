package db.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the texts a check repeats in every result (references, description, rationale, remediation: about 1 KB
 * for a CIS check, several times the result's own evidence) out of {@code check_result} into {@code check_text},
 * one row per distinct content, found by its SHA-256 ({@code digest}, the same encoding as the ingest's
 * {@code CheckTexts.Key}, kept as a copy here so the migration never changes with the product's code;
 * {@code ResultRowsTest} checks that the ingest finds migrated rows). Existing results get the id of their
 * texts. A Java migration because the digest is computed here, the same way on PostgreSQL and H2.
 */
public class V7__check_texts_stored_once extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE SEQUENCE check_text_seq START WITH 1 INCREMENT BY 1");
            ddl.execute("CREATE TABLE check_text (id BIGINT PRIMARY KEY, digest VARCHAR(64) NOT NULL UNIQUE, "
                    + "refs VARCHAR(1000), description VARCHAR(4000), rationale VARCHAR(4000), "
                    + "remediation VARCHAR(4000))");
            ddl.execute("ALTER TABLE check_result ADD COLUMN text_id BIGINT");
        }
        List<String[]> texts = new ArrayList<>();
        try (Statement distinct = db.createStatement();
                ResultSet found = distinct.executeQuery("SELECT DISTINCT refs, description, rationale, remediation "
                        + "FROM check_result")) {
            while (found.next()) {
                texts.add(new String[] {found.getString(1), found.getString(2), found.getString(3),
                    found.getString(4)});
            }
        }
        long id = 0;
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO check_text (id, digest, refs, description, "
                + "rationale, remediation) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement update = db.prepareStatement("UPDATE check_result SET text_id = ? WHERE "
                        + "refs IS NOT DISTINCT FROM ? AND description IS NOT DISTINCT FROM ? "
                        + "AND rationale IS NOT DISTINCT FROM ? AND remediation IS NOT DISTINCT FROM ?")) {
            for (String[] values : texts) {
                id++;
                insert.setLong(1, id);
                insert.setString(2, digest(values));
                update.setLong(1, id);
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(3 + i, values[i], Types.VARCHAR);
                    update.setObject(2 + i, values[i], Types.VARCHAR);
                }
                insert.executeUpdate();
                update.executeUpdate();
            }
        }
        try (Statement ddl = db.createStatement()) {
            if (id > 0) {
                ddl.execute("ALTER SEQUENCE check_text_seq RESTART WITH " + (id + 1));
            }
            for (String column : new String[] {"refs", "description", "rationale", "remediation"}) {
                ddl.execute("ALTER TABLE check_result DROP COLUMN " + column);
            }
        }
    }

    /** SHA-256 of the values, each as its UTF-8 length (-1 for null, 4 bytes big-endian) and its bytes. */
    static String digest(String[] values) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String value : values) {
                byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
                int length = bytes == null ? -1 : bytes.length;
                sha.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                    (byte) length});
                if (bytes != null) {
                    sha.update(bytes);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
