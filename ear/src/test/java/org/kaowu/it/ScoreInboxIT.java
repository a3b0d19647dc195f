package org.kaowu.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.score.ScoreImport;
import org.kaowu.service.BatchJobService;
import org.kaowu.service.ExamService;
import org.kaowu.service.RoomService;
import org.kaowu.service.ScoreInbox;
import org.kaowu.service.ScoreService;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The score inbox: a file dropped into the folder is left alone while it may still be written, then taken,
 * imported by the {@code scoreImport} job (source INBOX) and filed into {@code done/}; files for an unknown
 * batch or with a name that does not say the batch go to {@code failed/} with a reason. The poll is called
 * directly ({@link ScoreInbox#pollNow}) instead of waiting for the minute timer (which may also run meanwhile:
 * the assertions hold either way).
 */
@ExtendWith(ArquillianExtension.class)
class ScoreInboxIT {

    private static final String ADMIN = TicketFixtures.ADMIN;

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(ScoreInboxIT.class, ScoreDataset.class, ScoreDataset.Person.class,
                ScoreDataset.Data.class, TicketFixtures.class, TicketFixtures.Services.class, TicketFixtures.Submitted.class);
    }

    @Inject ExamService exams;
    @Inject RoomService rooms;
    @Inject ScoreService scores;
    @Inject ScoreInbox inbox;
    @Inject BatchJobService jobs;
    @Resource(lookup = "jdbc/kaowu") DataSource ds;

    @Test
    void aDroppedFileIsImportedOnceQuietAndFiledAsDone() throws Exception {
        ScoreDataset.Data d = ScoreDataset.create(exams, rooms, ds, 3);
        List<String> lines = new ArrayList<>();
        for (ScoreDataset.Person p : d.people()) {
            lines.add(d.line(p, d.first(), "70", "正常"));
            lines.add(d.line(p, d.second(), "50", "正常"));
        }
        lines.add(String.join(",", "NOPE0001", d.people().get(0).idNumber(), "x", d.first().getCode(), "80", "正常"));
        Path root = inbox.folder();
        Files.createDirectories(root);
        String name = d.batch().getCode() + "-scores-" + TestData.code(6).toLowerCase() + ".CSV";
        Path file = root.resolve(name);
        Files.write(file, (ScoreDataset.HEADER + "\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));

        // just written: maybe still being copied in, so it stays
        ScoreInbox.Poll first = inbox.pollNow();
        assertTrue(first.waiting().contains(name), first.toString());
        assertTrue(Files.exists(file));
        assertTrue(scores.overview(ADMIN, d.batch().getId()).runs().isEmpty());

        // quiet for longer than the rule: taken and started
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(ScoreInbox.QUIET).minusSeconds(5)));
        inbox.pollNow();
        TestData.waitUntil(() -> !Files.exists(file) && runOf(d) != null && runOf(d).data().getExecutionId() != null,
                Duration.ofMinutes(1));
        ScoreService.Run run = runOf(d);
        assertEquals(ScoreImport.INBOX, run.data().getSource());
        assertEquals(ScoreInbox.ACTOR, run.data().getUploadedBy());
        assertEquals(name, run.data().getFileName());
        TestData.waitUntil(() -> jobs.isFinished(run.data().getExecutionId()), Duration.ofMinutes(3));

        // the run ended: the next poll files it away
        Path done = root.resolve("done").resolve(name);
        TestData.waitUntil(() -> {
            inbox.pollNow();
            return Files.exists(done);
        }, Duration.ofMinutes(1));
        ScoreService.Run finished = runOf(d);
        assertEquals(ScoreService.RunState.COMPLETED, finished.state());
        assertEquals(7, finished.data().getLinesRead());
        assertEquals(6, finished.data().getInserted());
        assertEquals(1, finished.data().getRejected());
        assertEquals(done.toString(), finished.data().getStoredFile());
        assertEquals(6, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score WHERE batch_id = ?", d.batch().getId()));
        assertEquals(1, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score_rejection WHERE import_id = ?"
                + " AND reason_code = 'score.line.unknownTicket'", finished.data().getId()));
        assertFalse(Files.exists(root.resolve("failed").resolve(name)));
        assertFalse(Files.exists(ScoreInbox.reasonFile(done)));

        // filed once: later polls leave it and start nothing
        inbox.pollNow();
        assertEquals(1, scores.overview(ADMIN, d.batch().getId()).runs().size());
    }

    @Test
    void aFileForAnUnknownBatchOrWithoutABatchInItsNameFailsWithItsReason() throws Exception {
        Path root = inbox.folder();
        Files.createDirectories(root);
        String unknown = "NOBATCH" + TestData.code(6) + "-scores.csv";
        String unnamed = "scores-" + TestData.code(6).toLowerCase() + ".csv";
        for (String name : List.of(unknown, unnamed)) {
            Path file = root.resolve(name);
            Files.write(file, (ScoreDataset.HEADER + "\r\nA,B,C,D,1,正常\r\n").getBytes(StandardCharsets.UTF_8));
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        }
        inbox.pollNow();
        Path failed = root.resolve("failed");
        TestData.waitUntil(() -> Files.exists(ScoreInbox.reasonFile(failed.resolve(unknown)))
                && Files.exists(ScoreInbox.reasonFile(failed.resolve(unnamed))), Duration.ofMinutes(1));
        assertFalse(Files.exists(root.resolve(unknown)));
        assertFalse(Files.exists(root.resolve(unnamed)));
        String reason = Files.readString(ScoreInbox.reasonFile(failed.resolve(unknown)));
        assertTrue(reason.startsWith("reason=score.inbox.unknownBatch\n"), reason);
        assertTrue(reason.contains(unknown.substring(0, unknown.indexOf('-'))), reason);
        assertTrue(Files.readString(ScoreInbox.reasonFile(failed.resolve(unnamed))).startsWith("reason=score.inbox.badName\n"));
        assertEquals(0, ScoreDataset.count(ds, "SELECT COUNT(*) FROM score_import WHERE file_name IN (?, ?)", unknown, unnamed));
    }

    private ScoreService.Run runOf(ScoreDataset.Data d) {
        List<ScoreService.Run> runs = scores.overview(ADMIN, d.batch().getId()).runs();
        return runs.isEmpty() ? null : runs.get(0);
    }
}
