package org.kaowu.service;

import org.kaowu.infrastructure.persistence.BulkInsert;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The score import's chunk write on PostgreSQL: the chunk's rows go by {@code COPY} into a temporary staging table
 * (one per connection, emptied at every commit, so a rolled-back or committed chunk leaves nothing behind), then one
 * {@code INSERT … ON CONFLICT (ticket_id, position_id) DO UPDATE … WHERE changed} applies them. Two round trips and
 * one ids query per chunk instead of a look-up of the stored scores and a statement per row; the unique index does
 * the matching, so no plan depends on statistics. All on the connection the chunk's transaction already holds.
 */
final class ScoreImportCopy {

    /**
     * {@code score_seq} goes up by 50 (V8) and Score's allocationSize is 50: like EclipseLink, a {@code nextval} of v
     * reserves the ids v-49 … v, so both writers share the sequence without ever meeting.
     */
    static final int ID_BLOCK = 50;

    private static final String STAGE = "CREATE TEMPORARY TABLE IF NOT EXISTS score_import_stage ("
            + "id BIGINT NOT NULL, ticket_id BIGINT NOT NULL, position_id BIGINT NOT NULL, score NUMERIC(4,1),"
            + " status VARCHAR(10) NOT NULL, verdict VARCHAR(4) NOT NULL) ON COMMIT DELETE ROWS";
    private static final String COPY = "COPY score_import_stage (id, ticket_id, position_id, score, status, verdict)"
            + " FROM STDIN";
    /**
     * Rows equal to the stored ones are not touched (no new version, import_id and updated_at kept). A returned row
     * was inserted when its xmax is 0; an updated one carries the updating transaction in xmax.
     */
    private static final String UPSERT = "WITH up AS ("
            + "INSERT INTO score AS s (id, batch_id, ticket_id, position_id, score, status, verdict, import_id, updated_at)"
            + " SELECT id, ?, ticket_id, position_id, score, status, verdict, ?, ? FROM score_import_stage"
            + " ON CONFLICT (ticket_id, position_id) DO UPDATE SET score = EXCLUDED.score, status = EXCLUDED.status,"
            + " verdict = EXCLUDED.verdict, import_id = EXCLUDED.import_id, updated_at = EXCLUDED.updated_at"
            + " WHERE s.score IS DISTINCT FROM EXCLUDED.score OR s.status <> EXCLUDED.status"
            + " OR s.verdict <> EXCLUDED.verdict"
            + " RETURNING s.xmax = 0 AS inserted)"
            + " SELECT COUNT(*) FILTER (WHERE inserted), COUNT(*) FILTER (WHERE NOT inserted) FROM up";

    /** What the upsert did: the rest of the rows were equal to the stored ones. */
    record Counts(int inserted, int updated) {
    }

    private ScoreImportCopy() {
    }

    /** Writes the rows (no two with the same ticket and position: the rules reject such duplicates). */
    static Counts write(Connection c, Long batchId, Long importId, LocalDateTime at,
                        List<ScoreImportService.ScoreRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new Counts(0, 0);
        }
        try (Statement st = c.createStatement()) {
            st.execute(STAGE);
        }
        long[] ids = BulkInsert.ids(c, "score_seq", ID_BLOCK, rows.size());
        StringBuilder data = new StringBuilder(rows.size() * 48);
        for (int i = 0; i < rows.size(); i++) {
            ScoreImportService.ScoreRow row = rows.get(i);
            data.append(ids[i]).append('\t').append(row.ticketId()).append('\t').append(row.positionId()).append('\t')
                    .append(row.score() == null ? "\\N" : row.score().toPlainString()).append('\t')
                    .append(row.status().name()).append('\t').append(row.verdict().name()).append('\n');
        }
        try {
            long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(data.toString()));
            if (copied != rows.size()) {
                throw new IllegalStateException("COPY took " + copied + " of " + rows.size() + " score rows");
            }
        } catch (IOException e) {
            throw new SQLException("COPY of score rows failed", e);
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setLong(1, batchId);
            ps.setLong(2, importId);
            ps.setTimestamp(3, Timestamp.valueOf(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Counts(rs.getInt(1), rs.getInt(2));
            }
        }
    }
}
