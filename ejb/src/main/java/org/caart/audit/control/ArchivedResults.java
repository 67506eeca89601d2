package org.caart.audit.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caart.platform.archive.ArchiveRefused;
import org.caart.platform.archive.IdMap;
import org.caart.platform.archive.Row;
import org.caart.platform.archive.Sequence;

/**
 * Imports an archive's check texts and results in chunks: texts are found or stored by their content's SHA-256
 * (like the ingest's, never trusting the archive's own ids), results are written with new ids from
 * {@code check_result_seq} (500 per value, as the ingest takes them) and COPY on PostgreSQL. Each result gets the
 * audit of its (new) run, as the ingest writes it.
 */
public final class ArchivedResults implements AutoCloseable {

    private static final int CHUNK = 5_000;
    private final Connection connection;
    private final IdMap ids;
    private final Map<String, Long> auditOfRun;
    private final Sequence sequence = new Sequence("SELECT nextval('check_result_seq')",
            ResultRows.IDS_PER_SEQUENCE_VALUE);
    private final List<CheckTexts.Key> texts = new ArrayList<>();
    private final List<Long> textIds = new ArrayList<>();
    private final List<Object[]> results = new ArrayList<>(CHUNK);

    /** {@code auditOfRun}: the audit of each run imported, by the run's new id. */
    public ArchivedResults(Connection connection, IdMap ids, Map<String, Long> auditOfRun) {
        this.connection = connection;
        this.ids = ids;
        this.auditOfRun = auditOfRun;
    }

    public void text(Row row) throws SQLException {
        texts.add(new CheckTexts.Key(ResultRows.text(row.text("refs"), 1000),
                ResultRows.text(row.text("description"), 4000), ResultRows.text(row.text("rationale"), 4000),
                ResultRows.text(row.text("remediation"), 4000)));
        textIds.add(row.required("id"));
        if (texts.size() == ResultRows.IDS_PER_SEQUENCE_VALUE) {
            flushTexts();
        }
    }

    /** Stores the texts read so far; call before the first result. */
    public void flushTexts() throws SQLException {
        if (texts.isEmpty()) {
            return;
        }
        long[] stored = CheckTexts.ids(connection, texts, new HashMap<>());
        for (int i = 0; i < stored.length; i++) {
            ids.put("check_text", textIds.get(i), stored[i]);
        }
        texts.clear();
        textIds.clear();
    }

    public void result(Row row) throws SQLException {
        long id = sequence.next(connection);
        ids.put("check_result", row.required("id"), id);
        String runId = ids.requireText("audit_run", row.text("run_id"), row);
        Long auditId = auditOfRun.get(runId);
        if (auditId == null) {
            throw new ArchiveRefused(row.where() + " refers to audit_run " + row.text("run_id")
                    + ", which the archive lacks");
        }
        results.add(new Object[] {id, runId, auditId, ids.companyId(),
            ResultRows.text(row.text("check_id"), 120), ResultRows.text(row.text("title"), 500), row.text("status"),
            row.text("severity"), ids.require("check_text", row.number("text_id"), row),
            ResultRows.text(row.text("reason"), 2000), ResultRows.text(row.text("expected"), 4000),
            ResultRows.text(row.text("observed"), 4000), row.required("duration_micros"), row.time("received_at")});
        if (results.size() == CHUNK) {
            flushResults();
        }
    }

    private void flushResults() throws SQLException {
        if (!results.isEmpty()) {
            ResultRows.insertValues(connection, results);
            results.clear();
        }
    }

    @Override
    public void close() throws SQLException {
        flushTexts();
        flushResults();
    }
}
