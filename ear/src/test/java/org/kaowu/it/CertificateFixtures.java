package org.kaowu.it;

import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.Position;
import org.kaowu.service.ExamService;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A per-test dataset for the certificate tests: a closed batch of its own (new site, two new positions), and
 * {@code candidates} ticket holders with published scores in both positions, inserted set-based in a few SQL
 * statements (thousands to a million rows; creating each through the services would hash a password per
 * candidate). Ids are negative and drawn from a random range of their own, so they never meet the sequences'
 * ids or another test's rows. Registrations stay SUBMITTED: the certificates need only tickets and scores.
 * Every {@code failEvery}-th candidate fails the first position; the first three have a mobile number.
 */
public final class CertificateFixtures {

    private CertificateFixtures() {
    }

    /** The dataset: batch, positions (by id order), the ticket-number prefix and the passers per position. */
    public record Dataset(ExamBatch batch, List<Position> positions, String prefix, long base,
                          Map<Long, Long> passersByPosition) {

        public long passers() {
            return passersByPosition.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static DataSource dataSource() {
        try {
            return InitialContext.doLookup("jdbc/kaowu");
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Dataset passers(ExamService exams, int candidates, int failEvery) {
        ExamBatch batch = Fixtures.closedBatch(exams);
        List<Position> positions = new ArrayList<>(batch.getPositions());
        positions.sort(Comparator.comparing(Position::getId));
        Long batchSiteId = exams.sitesOf(batch.getId()).get(0).getId();
        Long siteId = exams.sitesOf(batch.getId()).get(0).getSite().getId();
        String prefix = TestData.code(8);
        long base = -ThreadLocalRandom.current().nextLong(1, 900_000_000L) * 10_000_000L;
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            String range = range(c, candidates);
            String x = "x";
            String now = "CURRENT_TIMESTAMP";
            String digits = "LPAD(CAST(" + x + " AS VARCHAR(10)), 10, '0')";
            s.executeUpdate("INSERT INTO candidate (id, id_number, password_hash, created_at, name) SELECT "
                    + base + " - " + x + ", '" + prefix + "' || " + digits + ", 'none', " + now + ", '考生' || "
                    + digits + " FROM " + range);
            s.executeUpdate("INSERT INTO registration (id, registration_no, candidate_id, batch_id, batch_site_id,"
                    + " status, created_at, updated_at, snap_name, snap_mobile) SELECT " + base + " - " + x + ", 'R"
                    + prefix + "' || " + digits + ", " + base + " - " + x + ", " + batch.getId() + ", " + batchSiteId
                    + ", 'SUBMITTED', " + now + ", " + now + ", '考生' || " + digits
                    + ", CASE WHEN " + x + " <= 3 THEN '139' || LPAD(CAST(" + x + " AS VARCHAR(8)), 8, '0') END FROM " + range);
            s.executeUpdate("INSERT INTO exam_room (id, site_id, room_no, name, seats) VALUES (" + base + ", " + siteId
                    + ", 1, '测试楼', 999)");
            s.executeUpdate("INSERT INTO admission_ticket (id, batch_id, registration_id, room_id, seat_no, ticket_no,"
                    + " created_at) SELECT " + base + " - " + x + ", " + batch.getId() + ", " + base + " - " + x + ", "
                    + base + ", " + x + ", 'T" + prefix + "' || " + digits + ", " + now + " FROM " + range);
            for (int k = 0; k < positions.size(); k++) {
                String fail = k == 0 && failEvery > 0 ? "MOD(" + x + ", " + failEvery + ") = 0" : "1 = 0";
                s.executeUpdate("INSERT INTO score (id, batch_id, ticket_id, position_id, score, status, verdict,"
                        + " updated_at) SELECT " + base + " - 2 * " + x + " - " + k + ", " + batch.getId() + ", "
                        + base + " - " + x + ", " + positions.get(k).getId() + ", CASE WHEN " + fail
                        + " THEN 30 ELSE 80 END, 'NORMAL', CASE WHEN " + fail + " THEN 'FAIL' ELSE 'PASS' END, "
                        + now + " FROM " + range);
            }
            s.executeUpdate("INSERT INTO score_publication (batch_id, published, published_at, published_by) VALUES ("
                    + batch.getId() + ", TRUE, " + now + ", 'admin')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<Long, Long> passers = new LinkedHashMap<>();
        for (int k = 0; k < positions.size(); k++) {
            long failed = k == 0 && failEvery > 0 ? candidates / failEvery : 0;
            passers.put(positions.get(k).getId(), candidates - failed);
        }
        return new Dataset(exams.batch(batch.getId()), positions, prefix, base, passers);
    }

    /** The integers 1..n as a table with column x, on H2 or PostgreSQL. */
    static String range(Connection c, int n) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase();
        return product.contains("postgres") ? "generate_series(1, " + n + ") AS g(x)" : "SYSTEM_RANGE(1, " + n + ") AS r(x)";
    }

    /** [certificate no, verification code, ticket no] of a position's certificates, in ticket-number order. */
    public static List<String[]> certificates(Long positionId) {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT ce.certificate_no, ce.verification_code, t.ticket_no"
                     + " FROM certificate ce JOIN admission_ticket t ON t.id = ce.ticket_id WHERE ce.position_id = ?"
                     + " ORDER BY t.ticket_no")) {
            s.setLong(1, positionId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    public static int update(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
