package org.kaowu.infrastructure.persistence.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A score's batch is its ticket's batch, its subject is one its batch offers and the import run that last wrote it
 * is one of its batch's — said by the database, not only by the import's checks:
 * {@code (ticket_id, batch_id) → admission_ticket (id, batch_id)}, {@code (batch_id, position_id) → batch_position}
 * and {@code (import_id, batch_id) → score_import (id, batch_id)} (no check while {@code import_id} is null). They
 * replace V8's four single-column keys (batch, ticket, position, import), which guaranteed less; PostgreSQL checks
 * every key of every inserted row with a query of its own, so this is also one check fewer per score the import
 * writes (1,000,000 scores: 36–40 s → 30 s by hand).
 * <p>
 * Java, not SQL: V8 left those keys unnamed, and the names the databases gave them differ (PostgreSQL
 * {@code score_batch_id_fkey}, H2 {@code CONSTRAINT_…}), so they are found through the driver's metadata.
 */
public class V10__score_keys extends BaseJavaMigration {

    private static final Set<String> REPLACED = Set.of("batch_id", "ticket_id", "position_id", "import_id");

    private static final List<String> ADDED = List.of(
            "ALTER TABLE admission_ticket ADD CONSTRAINT uk_admission_ticket_batch UNIQUE (id, batch_id)",
            "ALTER TABLE score ADD CONSTRAINT fk_score_ticket_batch FOREIGN KEY (ticket_id, batch_id)"
                    + " REFERENCES admission_ticket (id, batch_id)",
            "ALTER TABLE score ADD CONSTRAINT fk_score_batch_position FOREIGN KEY (batch_id, position_id)"
                    + " REFERENCES batch_position (batch_id, position_id)",
            "ALTER TABLE score_import ADD CONSTRAINT uk_score_import_batch UNIQUE (id, batch_id)",
            "ALTER TABLE score ADD CONSTRAINT fk_score_import_batch FOREIGN KEY (import_id, batch_id)"
                    + " REFERENCES score_import (id, batch_id)");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            for (String key : singleColumnKeys(c, "score", REPLACED)) {
                st.execute("ALTER TABLE score DROP CONSTRAINT " + key);
            }
            for (String statement : ADDED) {
                st.execute(statement);
            }
        }
    }

    /**
     * Flyway keeps no checksum of a Java migration by itself, so an edit after it ran would go unnoticed; this one
     * changes with what the migration adds and with the columns whose keys it replaces.
     */
    @Override
    public Integer getChecksum() {
        return (ADDED + " " + new TreeSet<>(REPLACED)).hashCode();
    }

    /** The quoted names of the table's foreign keys that have one column, and that one of {@code columns}. */
    static List<String> singleColumnKeys(Connection c, String table, Set<String> columns) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        Map<String, List<String>> keyColumns = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(c.getCatalog(), c.getSchema(), stored)) {
            while (rs.next()) {
                keyColumns.computeIfAbsent(rs.getString("FK_NAME"), k -> new ArrayList<>())
                        .add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        String quote = meta.getIdentifierQuoteString().trim();
        List<String> names = new ArrayList<>();
        keyColumns.forEach((name, cols) -> {
            if (cols.size() == 1 && columns.contains(cols.get(0))) {
                names.add(quote + name.replace(quote, quote + quote) + quote);
            }
        });
        if (names.size() != columns.size()) {
            throw new SQLException("expected one foreign key on each of " + columns + " of " + table + ", found "
                    + keyColumns);
        }
        return names;
    }
}
