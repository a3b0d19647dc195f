package org.kaowu.it.bench;

import jakarta.annotation.Resource;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.domain.account.AccessThrottles;
import org.kaowu.it.ScoreDataset;
import org.kaowu.it.TicketFixtures;
import org.kaowu.service.BatchJobService;
import org.kaowu.service.ExamService;
import org.kaowu.service.RoomService;
import org.kaowu.service.ScoreService;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test-only (added to the score benchmarks' deployment, never to the application): sets up what
 * {@link ScoreImportBenchmark} and {@link ScoreQueryBenchmark} measure and measures what only the server can.
 * Answers plain text.
 * <ul>
 *   <li>{@code step=import&lines=N}: N/2 candidates with tickets (JDBC batches, {@link ScoreDataset}), a CSV of N
 *       lines (two subjects each), its import through the real job (upload, {@link ScoreService#start}, wait), then
 *       on PostgreSQL {@code COPY} of the same file into a plain table and one set-based
 *       {@code INSERT … SELECT} of its rows into a copy of {@code score} with its constraints.</li>
 *   <li>{@code step=published&people=N}: N candidates with imported and published scores; reports the per-address
 *       query limit as this deployment's configuration set it; answers "name,ID" lines.</li>
 *   <li>{@code step=captchas}: fills the web module's CAPTCHA pool now (two threads), as an operator would before
 *       a spike; {@code step=captchaStats}: only reports it. Answers "ready/capacity, N inline".</li>
 * </ul>
 */
@WebServlet("/bench/scores")
public class ScoreBenchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String ADMIN = TicketFixtures.ADMIN;

    @EJB ExamService exams;
    @EJB RoomService rooms;
    @EJB ScoreService scores;
    @EJB BatchJobService jobs;
    @Inject AccessThrottles throttles;
    @Resource(lookup = "jdbc/kaowu")
    DataSource ds;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        try {
            String answer = switch (request.getParameter("step")) {
                case "import" -> importAndCopy(Integer.parseInt(request.getParameter("lines")));
                case "published" -> published(Integer.parseInt(request.getParameter("people")));
                case "captchas" -> captchas(true);
                case "captchaStats" -> captchas(false);
                default -> throw new IllegalArgumentException("step?");
            };
            response.getWriter().write(answer);
        } catch (Exception e) {
            response.setStatus(500);
            e.printStackTrace(response.getWriter());
        }
    }

    private String importAndCopy(int lines) throws Exception {
        int people = lines / 2;
        long t0 = System.nanoTime();
        ScoreDataset.Data d = ScoreDataset.create(exams, rooms, ds, people);
        long ticketsMs = ms(t0);
        Path file = Files.createTempFile("score-bench", ".csv");
        try {
            writeCsv(d, file);
            long size = Files.size(file);
            Long importId;
            try (InputStream in = Files.newInputStream(file)) {
                importId = scores.upload(ADMIN, d.batch().getId(), "bench.csv", in).getId();
            }
            long t1 = System.nanoTime();
            long execution = scores.start(ADMIN, importId);
            while (!jobs.isFinished(execution)) {
                Thread.sleep(200);
            }
            long jobMs = ms(t1);
            ScoreService.Run run = scores.run(ADMIN, importId);
            long checkMs = 0;
            long chunkMs = 0;
            for (StepExecution step : jobs.steps(execution)) {
                long ms = step.getEndTime().getTime() - step.getStartTime().getTime();
                if ("checkFile".equals(step.getStepName())) {
                    checkMs = ms;
                } else {
                    chunkMs = ms;
                }
            }
            String db;
            Baselines baselines = new Baselines(-1, -1, -1, -1, -1);
            try (Connection c = ds.getConnection()) {
                db = c.getMetaData().getDatabaseProductName();
                if (db.toLowerCase(Locale.ROOT).contains("postgres")) {
                    baselines = baselines(c, file, d.batch().getId(), importId);
                }
            }
            return String.join(" ", String.valueOf(lines), String.valueOf(size), String.valueOf(ticketsMs),
                    String.valueOf(jobMs), String.valueOf(checkMs), String.valueOf(chunkMs), run.state().name(),
                    String.valueOf(run.data().getInserted()), String.valueOf(run.data().getRejected()),
                    String.valueOf(baselines.copyMs()), db.replace(' ', '_'), String.valueOf(baselines.setMs()),
                    String.valueOf(baselines.setRows()), String.valueOf(baselines.keyedCopyMs()),
                    String.valueOf(baselines.bareCopyMs()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void writeCsv(ScoreDataset.Data d, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(ScoreDataset.HEADER);
            out.write("\r\n");
            int i = 0;
            for (ScoreDataset.Person p : d.people()) {
                out.write(d.line(p, d.first(), String.valueOf(40 + i % 61), "正常"));
                out.write("\r\n");
                out.write(d.line(p, d.second(), (i % 100) + ".5", "正常"));
                out.write("\r\n");
                i++;
            }
        }
    }

    /**
     * The baselines: COPY of the file into a fresh plain table (text columns, as in the file), timed alone; then the
     * same rows written by one {@code INSERT … SELECT} from that table — the ticket, ID number, name and registered position checked by joins,
     * 合格 by the pass line — into a scratch copy of {@code score} with its indexes, checks and foreign keys (read from
     * the catalogue, so it follows the migrations). No single-statement write that keeps the database's constraints
     * can be faster; the job is compared with both.
     */
    private static Baselines baselines(Connection c, Path file, Long batchId, Long importId) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_score_copy");
            st.execute("CREATE TABLE bench_score_copy (ticket_no VARCHAR(30), id_number VARCHAR(18), name VARCHAR(50),"
                    + " subject VARCHAR(50), score VARCHAR(10), status VARCHAR(10))");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // the driver lives in the domain's lib/, so no compile-time dependency on it here
            Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
            Object copyApi = pgConnection.getMethod("getCopyAPI").invoke(c.unwrap(pgConnection));
            long t = System.nanoTime();
            copyApi.getClass().getMethod("copyIn", String.class, Reader.class).invoke(copyApi,
                    "COPY bench_score_copy FROM STDIN WITH (FORMAT csv, HEADER true)", in);
            long copyMs = ms(t);
            SetBased set = setBasedInsert(c, batchId, importId);
            byte[] rows = finalRows(copyApi);
            return new Baselines(copyMs, set.ms(), set.rows(), copyInto(c, copyApi, rows, true),
                    copyInto(c, copyApi, rows, false));
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS bench_score_copy");
                st.execute("DROP TABLE IF EXISTS bench_score_set");
                st.execute("DROP TABLE IF EXISTS bench_score_keyed");
                st.execute("DROP TABLE IF EXISTS bench_score_bare");
            } catch (SQLException ignored) {
                // best effort
            }
            c.setAutoCommit(auto);
        }
    }

    private static SetBased setBasedInsert(Connection c, Long batchId, Long importId) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE bench_score_copy");
            st.execute("DROP TABLE IF EXISTS bench_score_set");
            st.execute("CREATE TABLE bench_score_set (LIKE score INCLUDING ALL)");
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conrelid = 'score'::regclass AND contype = 'f'")) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            for (String key : keys) {
                st.execute("ALTER TABLE bench_score_set ADD " + key);
            }
        }
        String insert = "INSERT INTO bench_score_set (id, batch_id, ticket_id, position_id, score, status, verdict,"
                + " import_id, updated_at)"
                + " SELECT ROW_NUMBER() OVER (), t.batch_id, t.id, p.id, f.score::NUMERIC(4,1), 'NORMAL',"
                + " CASE WHEN f.score::NUMERIC(4,1) >= p.pass_line THEN 'PASS' ELSE 'FAIL' END, ?, LOCALTIMESTAMP"
                + " FROM bench_score_copy f"
                + " JOIN admission_ticket t ON t.batch_id = ? AND t.ticket_no = f.ticket_no"
                + " JOIN registration r ON r.id = t.registration_id AND r.snap_name = f.name"
                + " JOIN candidate ca ON ca.id = r.candidate_id AND ca.id_number = f.id_number"
                + " JOIN position p ON p.code = f.subject"
                + " JOIN registration_position rp ON rp.registration_id = r.id AND rp.position_id = p.id"
                + " WHERE f.status = '正常'";
        try (java.sql.PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setLong(1, importId);
            ps.setLong(2, batchId);
            long t = System.nanoTime();
            long rows = ps.executeUpdate();
            return new SetBased(ms(t), rows);
        }
    }

    /** The final rows (those the INSERT … SELECT wrote, already typed and checked) in COPY's text format. */
    private static byte[] finalRows(Object copyApi) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 20);
        copyApi.getClass().getMethod("copyOut", String.class, OutputStream.class).invoke(copyApi,
                "COPY bench_score_set TO STDOUT", out);
        return out.toByteArray();
    }

    /**
     * The ceiling for any writer that keeps {@code score}'s primary and unique keys, its index and its checks: the
     * final rows COPY'd into a copy of {@code score} without foreign keys — {@code indexed}: with its indexes,
     * maintained row by row as any writer into a table in use must; otherwise into a bare one whose indexes (read from
     * the catalogue) are built afterwards, which only a writer filling an empty table (a new partition) could do.
     * Only the COPY in and the index builds are timed.
     */
    private static long copyInto(Connection c, Object copyApi, byte[] rows, boolean indexed) throws Exception {
        String table = indexed ? "bench_score_keyed" : "bench_score_bare";
        List<String> indexes = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + table);
            st.execute("CREATE TABLE " + table + " (LIKE score "
                    + (indexed ? "INCLUDING ALL)" : "INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"));
            if (!indexed) {
                try (ResultSet rs = st.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'score'")) {
                    while (rs.next()) {
                        indexes.add(rs.getString(1).replaceFirst("INDEX (\\S+) ON \\S+", "INDEX bench_$1 ON " + table));
                    }
                }
            }
        }
        long t = System.nanoTime();
        copyApi.getClass().getMethod("copyIn", String.class, InputStream.class).invoke(copyApi,
                "COPY " + table + " FROM STDIN", new ByteArrayInputStream(rows));
        try (Statement st = c.createStatement()) {
            for (String index : indexes) {
                st.execute(index);
            }
        }
        return ms(t);
    }

    private String published(int people) throws Exception {
        // lifted by the benchmark's own configuration (kaowu.score.queryLimit): every connection comes from 127.0.0.1
        int limit = throttles.scoreQueries().maxEvents();
        ScoreDataset.Data d = ScoreDataset.create(exams, rooms, ds, people);
        Path file = Files.createTempFile("score-bench", ".csv");
        try {
            writeCsv(d, file);
            Long importId;
            try (InputStream in = Files.newInputStream(file)) {
                importId = scores.upload(ADMIN, d.batch().getId(), "bench.csv", in).getId();
            }
            long execution = scores.start(ADMIN, importId);
            while (!jobs.isFinished(execution)) {
                Thread.sleep(200);
            }
        } finally {
            Files.deleteIfExists(file);
        }
        scores.publish(ADMIN, d.batch().getId());
        StringBuilder out = new StringBuilder().append(limit).append('\n');
        for (ScoreDataset.Person p : d.people()) {
            out.append(p.name()).append(',').append(p.idNumber()).append('\n');
        }
        return out.toString();
    }

    /** Through CDI by name: the web module's classes are not on the test class path (this servlet runs inside it). */
    private static String captchas(boolean fill) throws Exception {
        Class<?> type = Class.forName("org.kaowu.web.security.captcha.CaptchaImage");
        Object images = jakarta.enterprise.inject.spi.CDI.current().select(type).get();
        if (fill) {
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Object>> done = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    done.add(two.submit(() -> type.getMethod("fillPool").invoke(images)));
                }
                for (java.util.concurrent.Future<Object> f : done) {
                    f.get();
                }
            } finally {
                two.shutdown();
            }
        }
        Object pool = ((java.util.Optional<?>) type.getMethod("pool").invoke(images)).orElseThrow();
        Class<?> poolType = pool.getClass();
        return poolType.getMethod("size").invoke(pool) + "/" + poolType.getMethod("capacity").invoke(pool) + ", "
                + poolType.getMethod("drawnInline").invoke(pool) + " inline";
    }

    /**
     * The PostgreSQL baselines: COPY of the file, the set-based INSERT … SELECT (time and rows), and COPY of its rows
     * into copies of score without foreign keys (indexes kept up row by row, or built afterwards).
     */
    private record Baselines(long copyMs, long setMs, long setRows, long keyedCopyMs, long bareCopyMs) {
    }

    /** The set-based INSERT … SELECT: its time and the rows it wrote. */
    private record SetBased(long ms, long rows) {
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
