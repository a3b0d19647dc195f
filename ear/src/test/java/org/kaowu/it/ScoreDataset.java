package org.kaowu.it;

import org.kaowu.domain.candidate.IdNumber;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.Position;
import org.kaowu.service.ExamService;
import org.kaowu.service.RoomService;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A per-test dataset for the score ITs: an open batch with two positions (pass line 60) and {@code n} approved
 * registrations, each with an admission ticket — written with JDBC batches, because thousands of candidates
 * through the services would spend minutes hashing passwords nobody uses. Ticket numbers carry a random
 * per-dataset prefix and ID numbers are random valid ones, so datasets never collide. Ids come from the same
 * sequences as the application's (top of a 50-block, as EclipseLink takes them).
 */
public final class ScoreDataset {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军"};

    /** One candidate with a ticket. */
    public record Person(String ticketNo, String idNumber, String name, String mobile) {
    }

    public record Data(ExamBatch batch, Position first, Position second, List<Person> people) {

        /** A CSV line (no line break). */
        public String line(Person p, Position position, String score, String status) {
            return String.join(",", p.ticketNo(), p.idNumber(), p.name(), position.getCode(), score, status);
        }
    }

    public static final String HEADER = "\uFEFF准考证号,身份证号,姓名,科目,成绩,状态";

    private ScoreDataset() {
    }

    public static Data create(ExamService exams, RoomService rooms, DataSource ds, int n) {
        ExamBatch batch = Fixtures.openBatch(exams, Math.max(10, n));
        List<Position> positions = new ArrayList<>(batch.getPositions());
        positions.sort(java.util.Comparator.comparing(Position::getCode));
        Long siteId = exams.sitesOf(batch.getId()).get(0).getSite().getId();
        Long batchSiteId = exams.sitesOf(batch.getId()).get(0).getId();
        Long roomId = rooms.save(TicketFixtures.ADMIN, new RoomService.RoomForm(null, siteId,
                1 + RANDOM.nextInt(9000), "成绩测试楼", 999, 0)).getId();
        String prefix = "S" + TestData.code(7);
        List<String> idNumbers = freshIdNumbers(ds, n);
        List<Person> people = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            people.add(new Person(prefix + String.format("%06d", i), idNumbers.get(i),
                    SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length] + (i % 7 == 0 ? "" : GIVEN[i % GIVEN.length]),
                    TestData.mobile()));
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long[] candidateIds = ids(c, "candidate_seq", n);
            long[] registrationIds = ids(c, "registration_seq", n);
            long[] ticketIds = ids(c, "admission_ticket_seq", n);
            try (PreparedStatement cand = c.prepareStatement("INSERT INTO candidate (id, id_number, password_hash,"
                    + " failed_logins, created_at, name, mobile, version) VALUES (?, ?, 'unused', 0, ?, ?, ?, 0)");
                 PreparedStatement reg = c.prepareStatement("INSERT INTO registration (id, registration_no, candidate_id,"
                         + " batch_id, batch_site_id, status, seat_held, created_at, updated_at, submitted_at, snap_name,"
                         + " snap_mobile, reviewed_by, reviewed_at, paid_amount, receipt_no, paid_by, paid_at, version)"
                         + " VALUES (?, ?, ?, ?, ?, 'APPROVED', TRUE, ?, ?, ?, ?, ?, 'admin', ?, 200.00, ?, 'admin', ?, 0)");
                 PreparedStatement pos = c.prepareStatement("INSERT INTO registration_position (registration_id, position_id) VALUES (?, ?)");
                 PreparedStatement tic = c.prepareStatement("INSERT INTO admission_ticket (id, batch_id, registration_id,"
                         + " room_id, seat_no, ticket_no, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    Person p = people.get(i);
                    cand.setLong(1, candidateIds[i]);
                    cand.setString(2, p.idNumber());
                    cand.setTimestamp(3, now);
                    cand.setString(4, p.name());
                    cand.setString(5, p.mobile());
                    cand.addBatch();
                    reg.setLong(1, registrationIds[i]);
                    reg.setString(2, prefix + "R" + i);
                    reg.setLong(3, candidateIds[i]);
                    reg.setLong(4, batch.getId());
                    reg.setLong(5, batchSiteId);
                    reg.setTimestamp(6, now);
                    reg.setTimestamp(7, now);
                    reg.setTimestamp(8, now);
                    reg.setString(9, p.name());
                    reg.setString(10, p.mobile());
                    reg.setTimestamp(11, now);
                    reg.setString(12, prefix + "P" + i);
                    reg.setTimestamp(13, now);
                    reg.addBatch();
                    for (Position position : positions) {
                        pos.setLong(1, registrationIds[i]);
                        pos.setLong(2, position.getId());
                        pos.addBatch();
                    }
                    tic.setLong(1, ticketIds[i]);
                    tic.setLong(2, batch.getId());
                    tic.setLong(3, registrationIds[i]);
                    tic.setLong(4, roomId);
                    tic.setInt(5, i + 1);
                    tic.setString(6, p.ticketNo());
                    tic.setTimestamp(7, now);
                    tic.addBatch();
                    if (i % 1000 == 999 || i == n - 1) {
                        cand.executeBatch();
                        reg.executeBatch();
                        pos.executeBatch();
                        tic.executeBatch();
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Data(batch, positions.get(0), positions.get(1), people);
    }

    /**
     * {@code n} distinct random ID numbers that no candidate in the database has yet: a database that benchmarks
     * filled with a million candidates makes a random clash likely enough to fail a test now and then.
     */
    static List<String> freshIdNumbers(DataSource ds, int n) {
        Set<String> chosen = new java.util.LinkedHashSet<>();
        try (Connection c = ds.getConnection()) {
            while (chosen.size() < n) {
                List<String> batch = new ArrayList<>();
                while (batch.size() < Math.min(1000, n - chosen.size())) {
                    String id = idNumber();
                    if (!chosen.contains(id) && !batch.contains(id)) {
                        batch.add(id);
                    }
                }
                Set<String> taken = new HashSet<>();
                String sql = "SELECT id_number FROM candidate WHERE id_number IN ("
                        + String.join(",", java.util.Collections.nCopies(batch.size(), "?")) + ")";
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    for (int i = 0; i < batch.size(); i++) {
                        st.setString(i + 1, batch.get(i));
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            taken.add(rs.getString(1));
                        }
                    }
                }
                batch.removeAll(taken);
                chosen.addAll(batch);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(chosen);
    }

    /** {@code n} ids from a sequence, in blocks of 50 ending at each value the sequence hands out. */
    static long[] ids(Connection c, String sequence, int n) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        String sql = postgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
        long[] ids = new long[n];
        int filled = 0;
        try (Statement st = c.createStatement()) {
            while (filled < n) {
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    long top = rs.getLong(1);
                    for (long id = top - 49; id <= top && filled < n; id++) {
                        ids[filled++] = id;
                    }
                }
            }
        }
        return ids;
    }

    /** A random valid ID number (a province from a small list, any district, born 1960–1999). */
    static String idNumber() {
        String[] provinces = {"11", "31", "33", "44", "51", "61"};
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(RANDOM.nextInt(14600));
        String first17 = provinces[RANDOM.nextInt(provinces.length)] + String.format("%04d", 100 + RANDOM.nextInt(9800))
                + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", RANDOM.nextInt(1000));
        return first17 + IdNumber.checkDigit(first17);
    }

    /** Counts with one query. */
    public static long count(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of one query as strings. */
    public static List<List<String>> rows(DataSource ds, String sql, Object... params) {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
