package org.kaowu.it;

import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.Position;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.BatchJobService;
import org.kaowu.service.ExamService;
import org.kaowu.service.RoomService;
import org.kaowu.service.ScoreService;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code scoreImport} job against the database, started only through {@link ScoreService} (and so
 * {@link BatchJobService}): each test waits for any terminal status, then asserts the batch status, the chunk
 * step's metrics and the rows. Good, mixed and bad files; re-import and a corrected file; stop and restart.
 */
@ExtendWith(ArquillianExtension.class)
class ScoreImportIT {

    private static final String ADMIN = TicketFixtures.ADMIN;
    private static final String OPERATOR = "operator";

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(ScoreImportIT.class, ScoreDataset.class, ScoreDataset.Person.class,
                ScoreDataset.Data.class, TicketFixtures.class, TicketFixtures.Services.class, TicketFixtures.Submitted.class);
    }

    @Inject ExamService exams;
    @Inject RoomService rooms;
    @Inject ScoreService scores;
    @Inject BatchJobService jobs;
    @Resource(lookup = "jdbc/kaowu") DataSource ds;

    @Test
    void aGoodFileImportsEveryLineWithVerdicts() {
        ScoreDataset.Data d = ScoreDataset.create(exams, rooms, ds, 5);
        List<String> lines = new ArrayList<>();
        String[][] marks = {{"60", "59.5"}, {"100", "0"}, {"", "88.5"}, {"75.0", "60.0"}, {"61", "99.9"}};
        for (int i = 0; i < 5; i++) {
            ScoreDataset.Person p = d.people().get(i);
            lines.add(d.line(p, d.first(), marks[i][0], marks[i][0].isEmpty() ? "缺考" : "正常"));
            // the second subject by its name, not its code: the same position
            lines.add(String.join(",", p.ticketNo(), p.idNumber(), p.name(), d.second().getName(), marks[i][1], "正常"));
        }
        ScoreService.Run run = importFile(d, "good.csv", csv(lines), OPERATOR);

        assertEquals(ScoreService.RunState.COMPLETED, run.state());
        Map<Metric.MetricType, Long> m = metrics(run);
        assertEquals(10, m.get(Metric.MetricType.READ_COUNT));
        assertEquals(10, m.get(Metric.MetricType.WRITE_COUNT));
        assertEquals(0, m.get(Metric.MetricType.PROCESS_SKIP_COUNT));
        assertEquals(0, m.get(Metric.MetricType.ROLLBACK_COUNT));
        assertTrue(m.get(Metric.MetricType.COMMIT_COUNT) >= 1);
        assertEquals(10, run.data().getTotalLines());
        assertEquals(10, run.data().getLinesRead());
        assertEquals(10, run.data().getInserted());
        assertEquals(0, run.data().getRejected());
        assertEquals(10, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score WHERE batch_id = ?", d.batch().getId()));
        // verdicts: pass line 60 (at the line passes), 缺考 fails without a score
        assertEquals(List.of(List.of("60.0", "NORMAL", "PASS"), List.of("59.5", "NORMAL", "FAIL")), scoresOf(d, 0));
        assertEquals(List.of(Arrays("", "ABSENT", "FAIL"), List.of("88.5", "NORMAL", "PASS")), scoresOf(d, 2));
    }

    /**
     * V10's keys: the database itself refuses a score whose batch is not its ticket's, whose subject its batch does
     * not offer, or whose import run is another batch's (V8's single-column keys let all three through); and a batch
     * with scores can still be given another subject, which must not rewrite the rows the scores point at.
     */
    @Test
    void theDatabaseRefusesAScoreOutsideItsTicketsBatch() throws Exception {
        ScoreDataset.Data d = ScoreDataset.create(exams, rooms, ds, 1);
        ScoreDataset.Data other = ScoreDataset.create(exams, rooms, ds, 1);
        ScoreDataset.Person o = other.people().get(0);
        long otherRun = importFile(other, "other.csv", csv(List.of(other.line(o, other.first(), "80", "正常"))), OPERATOR)
                .data().getId();
        long ticket = Long.parseLong(ScoreDataset.rows(ds, "SELECT id FROM admission_ticket WHERE ticket_no = ?",
                d.people().get(0).ticketNo()).get(0).get(0));
        String insert = "INSERT INTO score (id, batch_id, ticket_id, position_id, import_id, score, status, verdict,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, 61, 'NORMAL', 'PASS', CURRENT_TIMESTAMP)";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(insert)) {
            long id = ScoreDataset.ids(c, "score_seq", 1)[0];
            for (Long[] wrong : new Long[][]{
                    {other.batch().getId(), ticket, other.first().getId(), null}, // another batch's subject and batch
                    {d.batch().getId(), ticket, other.first().getId(), null}, // a subject this batch does not offer
                    {d.batch().getId(), ticket, d.first().getId(), otherRun}}) { // another batch's import run
                ps.setLong(1, id);
                for (int i = 0; i < wrong.length; i++) {
                    ps.setObject(i + 2, wrong[i], Types.BIGINT);
                }
                SQLException refused = assertThrows(SQLException.class, ps::executeUpdate);
                assertEquals("23", refused.getSQLState().substring(0, 2), refused.getMessage());
            }
        }
        assertEquals(0, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score WHERE ticket_id = ?", ticket));

        ScoreDataset.Person p = d.people().get(0);
        importFile(d, "keys.csv", csv(List.of(d.line(p, d.first(), "70", "正常"), d.line(p, d.second(), "50", "正常"))),
                OPERATOR);
        assertEquals(2, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score WHERE ticket_id = ?", ticket));
        Position added = exams.createPosition(new Position("P" + TestData.code(6), "加考科目", new BigDecimal("0.00"),
                new BigDecimal("60")));
        ExamBatch batch = exams.batch(d.batch().getId());
        exams.setPositions(ADMIN, batch.getId(), batch.getVersion(),
                new LinkedHashSet<>(List.of(d.first().getId(), d.second().getId(), added.getId())));
        assertEquals(3, exams.batch(batch.getId()).getPositions().size());
        assertEquals(List.of(List.of("70.0", "NORMAL", "PASS"), List.of("50.0", "NORMAL", "FAIL")), scoresOf(d, 0));
    }

    @Test
    void aMixedFileImportsTheGoodLinesAndRecordsEveryBadOneWithItsReason() throws Exception {
        ScoreDataset.Data d = ScoreDataset.create(exams, rooms, ds, 4);
        ScoreDataset.Person a = d.people().get(0);
        ScoreDataset.Person b = d.people().get(1);
        ScoreDataset.Person c = d.people().get(2);
        ScoreDataset.Person e = d.people().get(3);
        List<String> lines = List.of(
                d.line(a, d.first(), "80", "正常"),                                   // 2 good
                d.line(a, d.second(), "70.5", "正常"),                                // 3 good
                String.join(",", "NOPE0001", a.idNumber(), a.name(), d.first().getCode(), "80", "正常"), // 4 unknown ticket
                d.line(new ScoreDataset.Person(b.ticketNo(), c.idNumber(), b.name(), null), d.first(), "80", "正常"), // 5 ID mismatch
                d.line(new ScoreDataset.Person(b.ticketNo(), b.idNumber(), "错名字", null), d.second(), "80", "正常"), // 6 name mismatch
                d.line(c, d.first(), "八十", "正常"),                                  // 7 not a number
                d.line(c, d.second(), "-5", "正常"),                                  // 8 negative
                d.line(e, d.first(), "100.5", "正常"),                                // 9 over range
                d.line(e, d.second(), "８５", "正常"),                                 // 10 full-width: accepted as 85
                d.line(a, d.first(), "81", "正常"),                                   // 11 duplicate of line 2
                d.line(b, d.first(), "\"=cmd|' /C calc'!A0\"", "正常"));               // 12 formula payload
        ScoreService.Run run = importFile(d, "mixed.csv", csv(lines), ADMIN);

        assertEquals(ScoreService.RunState.COMPLETED, run.state());
        Map<Metric.MetricType, Long> m = metrics(run);
        assertEquals(11, m.get(Metric.MetricType.READ_COUNT));
        assertEquals(11, m.get(Metric.MetricType.WRITE_COUNT));
        assertEquals(3, run.data().getInserted());
        assertEquals(8, run.data().getRejected());
        assertEquals(3, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score WHERE batch_id = ?", d.batch().getId()));
        assertEquals("85.0", ScoreDataset.rows(ds, "SELECT s.score FROM score s JOIN admission_ticket t ON t.id = s.ticket_id"
                + " WHERE t.ticket_no = ? AND s.position_id = ?", e.ticketNo(), d.second().getId()).get(0).get(0));
        List<List<String>> reasons = ScoreDataset.rows(ds, "SELECT line_no, reason_code FROM score_rejection"
                + " WHERE import_id = ? ORDER BY line_no", run.data().getId());
        assertEquals(List.of(
                List.of("4", "score.line.unknownTicket"), List.of("5", "score.line.idMismatch"),
                List.of("6", "score.line.nameMismatch"), List.of("7", "score.line.scoreNotNumber"),
                List.of("8", "score.line.scoreNegative"), List.of("9", "score.line.scoreRange"),
                List.of("11", "score.line.duplicate"), List.of("12", "score.line.scoreFormula")), reasons);

        // the rejected lines as a file: the payload survives only as inert text, and the download is logged
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        scores.writeRejected(ADMIN, run.data().getId(), out);
        String file = out.toString(StandardCharsets.UTF_8);
        assertTrue(file.startsWith("\uFEFF准考证号,身份证号,姓名,科目,成绩,状态,行号,原因"), file);
        assertTrue(file.contains("\"'=cmd|' /C calc'!A0\""), file);
        assertFalse(file.contains(",=cmd"), file);
        assertTrue(file.contains("\"'-5\""), file);
        assertEquals(9, file.split("\r\n").length);
    }

    @Test
    void badFilesFailClearlyAndImportNothing() {
        ScoreDataset.Data d = ScoreDataset.create(exams, rooms, ds, 2);
        ScoreDataset.Person p = d.people().get(0);
        String good = d.line(p, d.first(), "80", "正常");
        // missing column (no 成绩), header only, a PDF, GBK with a column renamed
        assertFailed(d, "missing.csv", ("准考证号,身份证号,姓名,科目,状态\r\n" + p.ticketNo() + "," + p.idNumber() + ",x,y,正常\r\n")
                .getBytes(StandardCharsets.UTF_8), "score.file.missingColumns");
        assertFailed(d, "header-only.csv", (ScoreDataset.HEADER + "\r\n").getBytes(StandardCharsets.UTF_8), "score.file.noLines");
        assertFailed(d, "fake.csv", "%PDF-1.4\n\u0000\u0001binary".getBytes(StandardCharsets.ISO_8859_1), "score.file.unsupportedFormat");
        assertFailed(d, "renamed.csv", ("准考证号,身份证号,姓名,科目,分数,状态\r\n" + good + "\r\n").getBytes(Charset.forName("GBK")),
                "score.file.missingColumns");
        assertFailed(d, "fake.xlsx", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6}, "score.file.unsupportedFormat");
        // an empty upload is refused at the door
        BusinessException empty = assertThrows(BusinessException.class, () -> scores.upload(ADMIN, d.batch().getId(), "empty.csv",
                new ByteArrayInputStream(new byte[0])));
        assertEquals("score.file.empty", empty.getMessageKey());
        assertEquals(0, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score WHERE batch_id = ?", d.batch().getId()));
        assertEquals(0, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score_rejection r JOIN score_import i ON i.id = r.import_id"
                + " WHERE i.batch_id = ?", d.batch().getId()));
    }

    /**
     * A 200 MB file streams through: uploaded and read to its end without being held in memory, and a runaway field
     * on its last line (a quote never closed) fails the run in the file check, so none of its 3 million good-looking
     * lines is imported. A file over the 256 MB limit is refused while it is copied: no run, no file kept.
     */
    @Test
    void aTwoHundredMegabyteFileIsCheckedToItsEndAndAnOversizedOneRefused() throws Exception {
        ScoreDataset.Data d = ScoreDataset.create(exams, rooms, ds, 1);
        byte[] line = (d.line(d.people().get(0), d.first(), "80", "正常") + "\r\n").getBytes(StandardCharsets.UTF_8);
        long lines = 200L * 1024 * 1024 / line.length;
        byte[] head = (ScoreDataset.HEADER + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] runaway = ("\"" + "x".repeat(70_000)).getBytes(StandardCharsets.US_ASCII);
        Long importId = scores.upload(ADMIN, d.batch().getId(), "big.csv", new Repeated(head, line, lines, runaway)).getId();
        long execution = scores.start(ADMIN, importId);
        TestData.waitUntil(() -> jobs.isFinished(execution), Duration.ofMinutes(3));
        ScoreService.Run run = scores.run(ADMIN, importId);
        assertTrue(run.data().getFileSize() > 200L * 1000 * 1000, "size " + run.data().getFileSize());
        assertEquals(ScoreService.RunState.FAILED, run.state());
        assertEquals("score.file.recordTooLong", run.errorKey());
        assertEquals(String.valueOf(lines + 2), String.valueOf(run.errorArguments()[0]), "the line the runaway field starts on");
        assertEquals(0, run.data().getLinesRead());
        assertEquals(0, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score WHERE batch_id = ?", d.batch().getId()));

        long runs = ScoreDataset.count(ds, "SELECT COUNT(*) FROM score_import WHERE batch_id = ?", d.batch().getId());
        BusinessException tooLarge = assertThrows(BusinessException.class, () -> scores.upload(ADMIN, d.batch().getId(),
                "huge.csv", new Repeated(head, line, ScoreService.MAX_FILE_BYTES / line.length + 1, new byte[0])));
        assertEquals("score.upload.tooLarge", tooLarge.getMessageKey());
        assertEquals(256L, ((Number) tooLarge.getArguments()[0]).longValue());
        assertEquals(runs, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score_import WHERE batch_id = ?", d.batch().getId()));
        java.nio.file.Path folder = java.nio.file.Path.of(run.data().getStoredFile()).getParent();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(folder)) {
            assertEquals(List.of(java.nio.file.Path.of(run.data().getStoredFile())), files.toList(), "only the 200 MB file is kept");
        }
    }

    /** head, then {@code line} {@code times} times, then tail — generated as read, never held whole. */
    private static final class Repeated extends java.io.InputStream {
        private final byte[] head;
        private final byte[] line;
        private final byte[] tail;
        private final long total;
        private long position;

        Repeated(byte[] head, byte[] line, long times, byte[] tail) {
            this.head = head;
            this.line = line;
            this.tail = tail;
            this.total = head.length + line.length * times + tail.length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= total) {
                return -1;
            }
            int n = 0;
            while (n < len && position < total) {
                long body = total - tail.length;
                if (position < head.length) {
                    b[off + n] = head[(int) position];
                } else if (position < body) {
                    b[off + n] = line[(int) ((position - head.length) % line.length)];
                } else {
                    b[off + n] = tail[(int) (position - body)];
                }
                n++;
                position++;
            }
            return n;
        }
    }

    @Test
    void reImportingChangesNothingAndACorrectedFileOnlyWhatDiffers() {
        ScoreDataset.Data d = ScoreDataset.create(exams, rooms, ds, 5);
        List<String> lines = new ArrayList<>();
        for (ScoreDataset.Person p : d.people()) {
            lines.add(d.line(p, d.first(), "70", "正常"));
            lines.add(d.line(p, d.second(), "65.5", "正常"));
        }
        ScoreService.Run first = importFile(d, "scores.csv", csv(lines), ADMIN);
        assertEquals(10, first.data().getInserted());
        List<List<String>> before = ScoreDataset.rows(ds, "SELECT id, score, status, verdict, import_id, updated_at FROM score"
                + " WHERE batch_id = ? ORDER BY id", d.batch().getId());

        ScoreService.Run again = importFile(d, "scores.csv", csv(lines), ADMIN);
        assertEquals(ScoreService.RunState.COMPLETED, again.state());
        assertEquals(0, again.data().getInserted());
        assertEquals(0, again.data().getUpdated());
        assertEquals(10, again.data().getUnchanged());
        assertEquals(before, ScoreDataset.rows(ds, "SELECT id, score, status, verdict, import_id, updated_at FROM score"
                + " WHERE batch_id = ? ORDER BY id", d.batch().getId()), "not a single column touched");

        lines.set(0, d.line(d.people().get(0), d.first(), "55", "正常"));
        lines.set(3, d.line(d.people().get(1), d.second(), "", "缺考"));
        ScoreService.Run corrected = importFile(d, "scores-corrected.csv", csv(lines), ADMIN);
        assertEquals(0, corrected.data().getInserted());
        assertEquals(2, corrected.data().getUpdated());
        assertEquals(8, corrected.data().getUnchanged());
        assertEquals(2, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score WHERE batch_id = ? AND import_id = ?",
                d.batch().getId(), corrected.data().getId()));
        assertEquals(List.of(List.of("55.0", "NORMAL", "FAIL"), List.of("65.5", "NORMAL", "PASS")), scoresOf(d, 0));
        assertEquals(10, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score WHERE batch_id = ?", d.batch().getId()));
    }

    /**
     * One chunk that inserts, updates, keeps and rejects at once (on PostgreSQL: the COPY-and-upsert path), with
     * empty scores on both sides — an empty score equal to an empty one is unchanged, a score that becomes empty is
     * an update.
     */
    @Test
    void oneChunkInsertsUpdatesKeepsAndRejectsAndEmptyScoresCompareAsEqual() {
        ScoreDataset.Data d = ScoreDataset.create(exams, rooms, ds, 6);
        List<ScoreDataset.Person> p = d.people();
        List<String> first = new ArrayList<>(List.of(
                d.line(p.get(0), d.first(), "", "缺考"), d.line(p.get(0), d.second(), "61", "正常"),
                d.line(p.get(1), d.first(), "90", "正常"), d.line(p.get(1), d.second(), "", "违纪"),
                d.line(p.get(2), d.first(), "70", "正常"), d.line(p.get(2), d.second(), "59.5", "正常"),
                d.line(p.get(3), d.first(), "100", "正常"), d.line(p.get(3), d.second(), "65.5", "正常")));
        ScoreService.Run one = importFile(d, "first.csv", csv(first), ADMIN);
        assertEquals(8, one.data().getInserted());
        String rowsSql = "SELECT t.ticket_no, p.code, s.id, s.score, s.status, s.verdict, s.import_id, s.updated_at"
                + " FROM score s JOIN admission_ticket t ON t.id = s.ticket_id JOIN position p ON p.id = s.position_id"
                + " WHERE s.batch_id = ? ORDER BY t.ticket_no, p.code";
        List<List<String>> before = ScoreDataset.rows(ds, rowsSql, d.batch().getId());

        List<String> second = new ArrayList<>(first);
        second.set(4, d.line(p.get(2), d.first(), "71", "正常"));          // changed score
        second.set(7, d.line(p.get(3), d.second(), "", "缺考"));           // score becomes empty
        second.add(d.line(p.get(4), d.first(), "60", "正常"));
        second.add(d.line(p.get(4), d.second(), "", "无效"));
        second.add(String.join(",", "NOPE0002", p.get(5).idNumber(), p.get(5).name(), d.first().getCode(), "80", "正常"));
        second.add(d.line(p.get(5), d.first(), "88", "正常"));
        second.add(d.line(p.get(5), d.second(), "0", "正常"));
        ScoreService.Run two = importFile(d, "second.csv", csv(second), ADMIN);

        assertEquals(ScoreService.RunState.COMPLETED, two.state());
        assertEquals(13, two.data().getLinesRead());
        assertEquals(4, two.data().getInserted());
        assertEquals(2, two.data().getUpdated());
        assertEquals(6, two.data().getUnchanged());
        assertEquals(1, two.data().getRejected());
        List<List<String>> after = ScoreDataset.rows(ds, rowsSql, d.batch().getId());
        assertEquals(12, after.size());
        assertEquals(12, ScoreDataset.count(ds, "SELECT COUNT(DISTINCT id) FROM score WHERE batch_id = ?", d.batch().getId()));
        String firstId = String.valueOf(one.data().getId());
        String secondId = String.valueOf(two.data().getId());
        for (int i = 0; i < 8; i++) {
            List<String> was = before.get(i);
            List<String> now = after.get(i);
            assertEquals(was.get(2), now.get(2), "an existing score keeps its row: " + now);
            boolean changed = i == 4 || i == 7;
            assertEquals(changed ? secondId : firstId, now.get(6), now.toString());
            if (!changed) {
                assertEquals(was, now, "an equal score is not touched");
            }
        }
        assertEquals(Arrays("71.0", "NORMAL", "PASS"), after.get(4).subList(3, 6));
        assertEquals(Arrays("", "ABSENT", "FAIL"), after.get(7).subList(3, 6));
        assertEquals(Arrays("", "VOID", "FAIL"), after.get(9).subList(3, 6));
        assertEquals(Arrays("0.0", "NORMAL", "FAIL"), after.get(11).subList(3, 6));
        for (List<String> row : after.subList(8, 12)) {
            assertEquals(secondId, row.get(6), row.toString());
        }
        assertEquals(List.of(List.of("12", "score.line.unknownTicket")), ScoreDataset.rows(ds,
                "SELECT line_no, reason_code FROM score_rejection WHERE import_id = ?", two.data().getId()));
    }

    @Test
    void aStoppedImportRestartsWithExactCountsAndNoDuplicates() {
        int people = 15_000;
        ScoreDataset.Data d = ScoreDataset.create(exams, rooms, ds, people);
        List<String> lines = new ArrayList<>(2 * people + 400);
        int bad = 0;
        for (int i = 0; i < people; i++) {
            ScoreDataset.Person p = d.people().get(i);
            lines.add(d.line(p, d.first(), String.valueOf(40 + i % 61), "正常"));
            lines.add(d.line(p, d.second(), (i % 50) + ".5", "正常"));
            if (i % 97 == 0) {
                lines.add(d.line(p, d.first(), "99", "正常"));   // duplicate: rejected
                bad++;
            }
        }
        int total = lines.size();
        int good = 2 * people;
        Long importId = scores.upload(ADMIN, d.batch().getId(), "big.csv", new ByteArrayInputStream(csv(lines))).getId();
        long execution = scores.start(ADMIN, importId);
        TestData.waitUntil(() -> scores.run(ADMIN, importId).data().getLinesRead() >= 2_000, Duration.ofMinutes(3));
        scores.stop(ADMIN, importId);
        TestData.waitUntil(() -> jobs.isFinished(execution), Duration.ofMinutes(3));
        ScoreService.Run stopped = scores.run(ADMIN, importId);
        assertEquals(BatchStatus.STOPPED, jobs.execution(execution).getBatchStatus(), "stopped mid-way (file too small?)");
        long readBefore = stopped.data().getLinesRead();
        assertTrue(readBefore > 0 && readBefore < total, "stopped after " + readBefore + " of " + total);
        assertEquals(readBefore, stopped.data().getLastLine() - 1, "figures and checkpoint agree");
        assertEquals(readBefore - stopped.data().getRejected(),
                ScoreDataset.count(ds, "SELECT COUNT(*) FROM score WHERE batch_id = ?", d.batch().getId()));
        assertTrue(stopped.isRestartable());

        long second = scores.restart(ADMIN, importId);
        TestData.waitUntil(() -> jobs.isFinished(second), Duration.ofMinutes(5));
        ScoreService.Run done = scores.run(ADMIN, importId);
        assertEquals(ScoreService.RunState.COMPLETED, done.state());
        assertEquals(BatchStatus.COMPLETED, jobs.execution(second).getBatchStatus());
        Map<Metric.MetricType, Long> m = metrics(second);
        assertEquals(total - readBefore, m.get(Metric.MetricType.READ_COUNT), "the restart reads only the rest");
        assertEquals(total, done.data().getLinesRead());
        assertEquals(good, done.data().getInserted());
        assertEquals(0, done.data().getUpdated() + done.data().getUnchanged());
        assertEquals(bad, done.data().getRejected());
        assertEquals(good, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score WHERE batch_id = ?", d.batch().getId()));
        assertEquals(good, ScoreDataset.count(ds, "SELECT COUNT(*) FROM (SELECT DISTINCT ticket_id, position_id FROM score"
                + " WHERE batch_id = ?) x", d.batch().getId()));
        assertEquals(bad, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score_rejection WHERE import_id = ?", importId));
        assertEquals(bad, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score_rejection WHERE import_id = ?"
                + " AND reason_code = 'score.line.duplicate'", importId));
        System.out.printf("restart IT: %d lines, stopped after %d, restart read %d, commits %d + %d%n", total, readBefore,
                m.get(Metric.MetricType.READ_COUNT), metrics(execution).get(Metric.MetricType.COMMIT_COUNT),
                m.get(Metric.MetricType.COMMIT_COUNT));
        assertThrows(BusinessException.class, () -> scores.restart(ADMIN, importId), "a completed run is not restarted");
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> Arrays(String... values) {
        List<String> list = new ArrayList<>();
        for (String v : values) {
            list.add(v.isEmpty() ? null : v);
        }
        return list;
    }

    private void assertFailed(ScoreDataset.Data d, String name, byte[] content, String key) {
        ScoreService.Run run = importFile(d, name, content, ADMIN);
        assertEquals(ScoreService.RunState.FAILED, run.state(), name);
        assertEquals(key, run.errorKey(), name);
        assertEquals(BatchStatus.FAILED, jobs.execution(run.data().getExecutionId()).getBatchStatus(), name);
        assertEquals(0, run.data().getLinesRead(), name);
        assertFalse(run.isRestartable(), name);
    }

    private ScoreService.Run importFile(ScoreDataset.Data d, String name, byte[] content, String user) {
        Long importId = scores.upload(user, d.batch().getId(), name, new ByteArrayInputStream(content)).getId();
        long execution = scores.start(user, importId);
        TestData.waitUntil(() -> jobs.isFinished(execution), Duration.ofMinutes(3));
        return scores.run(user, importId);
    }

    private Map<Metric.MetricType, Long> metrics(ScoreService.Run run) {
        return metrics(run.data().getExecutionId());
    }

    private Map<Metric.MetricType, Long> metrics(long execution) {
        Map<Metric.MetricType, Long> result = new EnumMap<>(Metric.MetricType.class);
        for (StepExecution step : jobs.steps(execution)) {
            if ("importScores".equals(step.getStepName())) {
                for (Metric metric : step.getMetrics()) {
                    result.put(metric.getType(), metric.getValue());
                }
            }
        }
        return result;
    }

    private List<List<String>> scoresOf(ScoreDataset.Data d, int person) {
        return ScoreDataset.rows(ds, "SELECT s.score, s.status, s.verdict FROM score s JOIN admission_ticket t ON t.id = s.ticket_id"
                + " JOIN position p ON p.id = s.position_id WHERE t.ticket_no = ? ORDER BY p.code", d.people().get(person).ticketNo());
    }

    private static byte[] csv(List<String> lines) {
        return (ScoreDataset.HEADER + "\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
