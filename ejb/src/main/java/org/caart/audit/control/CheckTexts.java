package org.caart.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code check_text} rows of results' texts: each distinct (references, description, rationale, remediation)
 * is stored once, found by the SHA-256 of its content, and results point at it. A check's texts arrive with each
 * of its results (hundreds of times a day per check in a fleet), so the ids of texts seen before come from a
 * bounded in-memory map, and only new texts cost SQL: an {@code INSERT ... ON CONFLICT DO NOTHING} on the
 * caller's transaction (a consumer applying the same new text at the same moment waits for the first and then
 * finds its row), then a look-up of their ids. Those ids join the map only once that transaction has committed
 * ({@link #remember}), so the map never holds the id of a row that was rolled back. Rows are never deleted.
 */
final class CheckTexts {

    /** Distinct texts kept in memory (a CIS policy has 200 to 400 checks); past it the map starts again. */
    static final int MAX_REMEMBERED = 20_000;

    private static final Map<Key, Long> IDS = new ConcurrentHashMap<>();

    private CheckTexts() {
    }

    /** A check's texts as stored (already cut to their columns). */
    record Key(String refs, String description, String rationale, String remediation) {

        /** SHA-256 of the four values, each as its length (-1 for null) and its UTF-8 bytes: no two keys share one. */
        String digest() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (String value : new String[] {refs, description, rationale, remediation}) {
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

    /**
     * The text ids of the keys, in their order. Texts not remembered are stored if new and looked up on the
     * connection; their ids are put in {@code learned}, to be {@link #remember remembered} after the commit.
     */
    static long[] ids(Connection connection, List<Key> keys, Map<Key, Long> learned) throws SQLException {
        long[] ids = new long[keys.size()];
        Map<Key, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            Long id = IDS.get(keys.get(i));
            if (id == null) {
                missing.computeIfAbsent(keys.get(i), Key::digest);
            } else {
                ids[i] = id;
            }
        }
        if (missing.isEmpty()) {
            return ids;
        }
        Map<String, Long> byDigest = store(connection, missing);
        for (int i = 0; i < ids.length; i++) {
            Key key = keys.get(i);
            String digest = missing.get(key);
            if (digest != null) {
                Long id = byDigest.get(digest);
                if (id == null) {
                    throw new SQLException("check_text row " + digest + " was neither stored nor found");
                }
                ids[i] = id;
                learned.put(key, id);
            }
        }
        return ids;
    }

    /** Makes ids learned in a committed transaction known to later batches. */
    static void remember(Map<Key, Long> learned) {
        if (IDS.size() + learned.size() > MAX_REMEMBERED) {
            IDS.clear();
        }
        IDS.putAll(learned);
    }

    /** Forgets every id (tests, which start on fresh databases). */
    static void forget() {
        IDS.clear();
    }

    /** Inserts the texts that are new (in digest order, so two transactions never wait on each other in a cycle)
     * and returns the ids of all, by digest. */
    private static Map<String, Long> store(Connection connection, Map<Key, String> missing) throws SQLException {
        List<Map.Entry<Key, String>> sorted = new ArrayList<>(missing.entrySet());
        sorted.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO check_text (id, digest, refs, "
                + "description, rationale, remediation) VALUES (nextval('check_text_seq'), ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING")) {
            for (Map.Entry<Key, String> entry : sorted) {
                Key key = entry.getKey();
                insert.setString(1, entry.getValue());
                String[] values = {key.refs(), key.description(), key.rationale(), key.remediation()};
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        insert.setNull(2 + i, Types.VARCHAR);
                    } else {
                        insert.setString(2 + i, values[i]);
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Map<String, Long> ids = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT digest, id FROM check_text WHERE digest IN (");
        for (int i = 0; i < sorted.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        try (PreparedStatement find = connection.prepareStatement(sql.append(')').toString())) {
            for (int i = 0; i < sorted.size(); i++) {
                find.setString(1 + i, sorted.get(i).getValue());
            }
            try (ResultSet found = find.executeQuery()) {
                while (found.next()) {
                    ids.put(found.getString(1), found.getLong(2));
                }
            }
        }
        return ids;
    }
}
