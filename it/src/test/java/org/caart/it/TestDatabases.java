package org.caart.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Databases for tests that need a server of their own from a blank state. On H2 a server's data folder is its
 * database; on PostgreSQL (CAART_TEST_DB_URL) a new database is created next to the test pass's one.
 */
final class TestDatabases {

    private TestDatabases() {
    }

    /** Environment entries that give a server a blank database (none on H2). */
    static Map<String, String> blank(String name) {
        Map<String, String> env = new HashMap<>();
        if (!CaartServer.onPostgres()) {
            return env;
        }
        String base = System.getenv("CAART_TEST_DB_URL");
        String database = "caart_it_" + name + "_" + Long.toString(System.nanoTime(), 36);
        String user = System.getenv().getOrDefault("CAART_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("CAART_TEST_DB_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(base, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database + ": " + e.getMessage(), e);
        }
        int slash = base.lastIndexOf('/');
        int query = base.indexOf('?', slash);
        env.put("CAART_DB_URL", base.substring(0, slash + 1) + database + (query < 0 ? "" : base.substring(query)));
        return env;
    }
}
