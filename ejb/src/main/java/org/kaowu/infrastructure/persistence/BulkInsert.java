package org.kaowu.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Inserts many rows of one table with one JDBC batch (pgjdbc rewrites it into multi-row INSERTs, see the pool's
 * {@code reWriteBatchedInserts}), in the caller's JTA transaction: {@code jdbc/kaowu} hands out the same physical
 * connection EclipseLink uses in that transaction, so the rows commit or roll back with everything else. For
 * write-only rows of bulk jobs, where a persist per row costs more than the database's own work; the rows never
 * enter the persistence context, so nothing in the same transaction may expect to find them there.
 * <p>
 * Ids come from the table's sequence, a block of {@code allocationSize} per value as EclipseLink takes them (the
 * value is the top of its block), so these ids and those of ordinary persists never meet.
 */
@ApplicationScoped
public class BulkInsert {

    @Resource(lookup = "jdbc/kaowu")
    private DataSource dataSource;

    /**
     * Inserts {@code rows} (values in the order of {@code columns}, the id not among them) into {@code table}, each
     * with a new id from {@code sequence} in column {@code id}. Returns the ids, in row order.
     */
    public long[] insert(String table, String sequence, int allocationSize, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new long[0];
        }
        String sql = "INSERT INTO " + table + " (id, " + String.join(", ", columns) + ") VALUES (?"
                + ", ?".repeat(columns.size()) + ")";
        try (Connection c = dataSource.getConnection()) {
            long[] ids = ids(c, sequence, allocationSize, rows.size());
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (int i = 0; i < rows.size(); i++) {
                    Object[] row = rows.get(i);
                    insert.setLong(1, ids[i]);
                    for (int k = 0; k < row.length; k++) {
                        insert.setObject(k + 2, row[k]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("bulk insert into " + table + " failed", e);
        }
    }

    /**
     * {@code count} new ids from {@code sequence}, a block of {@code allocationSize} per value as EclipseLink takes
     * them: one sequence round trip for all the blocks they need. The one way bulk writers outside JPA take ids.
     */
    public static long[] ids(Connection c, String sequence, int allocationSize, int count) throws SQLException {
        int blocks = (count + allocationSize - 1) / allocationSize;
        String sql = isPostgres(c)
                ? "SELECT nextval('" + sequence + "') FROM generate_series(1, " + blocks + ")"
                : "SELECT NEXT VALUE FOR " + sequence + " FROM SYSTEM_RANGE(1, " + blocks + ")";
        long[] ids = new long[count];
        int i = 0;
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next() && i < count) {
                long top = r.getLong(1);
                for (long id = top - allocationSize + 1; id <= top && i < count; id++) {
                    ids[i++] = id;
                }
            }
        }
        if (i < count) {
            throw new IllegalStateException("sequence " + sequence + " gave " + i + " of " + count + " ids");
        }
        return ids;
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
