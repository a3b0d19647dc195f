package org.kaowu.service;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamBatchRepository;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.score.PassVerdict;
import org.kaowu.domain.score.Score;
import org.kaowu.domain.score.ScoreFileException;
import org.kaowu.domain.score.ScoreFileReader;
import org.kaowu.domain.score.ScoreImport;
import org.kaowu.domain.score.ScoreRejection;
import org.kaowu.domain.score.ScoreRepository;
import org.kaowu.domain.score.ScoreStatus;
import org.kaowu.exception.NotFoundException;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The score import's access to the database, for the {@code scoreImport} batch job (and the demo seed): the
 * run's set-up, the file check, the ticket look-up of a chunk and the chunk's write. No staff check here: the
 * job runs only when {@link ScoreService} started it for a staff member who was checked then.
 * <p>
 * {@link #writeChunk} joins the chunk's transaction, so scores, rejected lines, figures and the job's checkpoint
 * commit together. It is an upsert keyed by (ticket, position): new scores are inserted, changed ones updated,
 * equal ones left alone — so re-importing a file changes nothing and a corrected file changes only what differs.
 * On PostgreSQL the chunk goes by COPY into a staging table and one INSERT … ON CONFLICT ({@link ScoreImportCopy});
 * elsewhere one query loads the chunk's stored scores and JPA writes the differences with JDBC batch writing.
 */
@Stateless
public class ScoreImportService {

    /*
     * PostgreSQL plans the chunk's ticket look-up (tickets by an IN list of numbers, joined to registration,
     * candidate and registration_position) from its statistics. Right after a batch's registrations and tickets
     * were loaded in bulk they are stale — and never refreshed where autovacuum is off — and the planner then hashed
     * the whole of registration_position for every chunk (measured: ~400 ms per 1000-line chunk at 500,000
     * candidates, against ~18 ms with fresh statistics). So an execution refreshes them when it opens. The write
     * needs none: on PostgreSQL the upsert matches through the unique index (no look-up of stored scores, whose
     * statistics the import itself makes stale as it goes); H2 plans its look-ups by index anyway.
     */
    private static volatile Boolean postgres;

    @jakarta.annotation.Resource(lookup = "jdbc/kaowu")
    private javax.sql.DataSource dataSource;

    @Inject
    private ScoreRepository scores;
    @Inject
    private ExamBatchRepository batches;
    @Inject
    private Clock clock;

    /** A position of the batch as the import needs it. */
    public record Subject(Long positionId, String code, String name, BigDecimal passLine) implements Serializable {
    }

    /** What an import run needs to know before reading. */
    public record Setup(Long importId, Long batchId, String storedFile, long lastLine, List<Subject> subjects)
            implements Serializable {

        public Path file() {
            return Path.of(storedFile);
        }
    }

    /** A ticket row of {@link ScoreRepository#ticketRows}. */
    public record TicketRow(Long ticketId, String ticketNo, String idNumber, String name, String positionCode)
            implements Serializable {
    }

    /** A line to store as a score. */
    public record ScoreRow(long lineNo, Long ticketId, Long positionId, BigDecimal score, ScoreStatus status,
                           PassVerdict verdict) implements Serializable {
    }

    /** A line to store as rejected. */
    public record RejectedRow(long lineNo, String reasonCode, String reasonText, List<String> cells)
            implements Serializable {
    }

    /** What one chunk did. */
    public record ChunkFigures(int inserted, int updated, int unchanged, int rejected) implements Serializable {
    }

    public Setup setup(@NotNull Long importId) {
        ScoreImport run = scores.importRunFresh(importId).orElseThrow(() -> new NotFoundException("score.import.notFound"));
        ExamBatch batch = batches.find(run.getBatchId()).orElseThrow(() -> new NotFoundException("batch.notFound"));
        List<Subject> subjects = new ArrayList<>();
        for (Position p : batch.getPositions()) {
            subjects.add(new Subject(p.getId(), p.getCode(), p.getName(), p.getPassLine()));
        }
        analyze();
        return new Setup(run.getId(), run.getBatchId(), run.getStoredFile(), run.getLastLine(), List.copyOf(subjects));
    }

    /**
     * 文件检查: reads the whole file once (no line is stored) so that a file-level problem — unknown format,
     * missing columns, an unreadable part or a runaway field far down — fails the run before anything is
     * imported. Records format, header and line count, or the problem. Returns the problem's key, else null.
     */
    public String checkFile(@NotNull Long importId) {
        ScoreImport run = scores.importRun(importId).orElseThrow(() -> new NotFoundException("score.import.notFound"));
        Path file = Path.of(run.getStoredFile());
        if (!Files.isReadable(file)) {
            scores.failed(importId, "score.file.missing", null);
            return "score.file.missing";
        }
        try (ScoreFileReader reader = ScoreFileReader.open(file)) {
            long lines = 0;
            while (reader.nextOrNull() != null) {
                lines++;
            }
            scores.fileChecked(importId, reader.format().name(), ScoreRejection.join(reader.header()), lines);
            return null;
        } catch (ScoreFileException e) {
            String args = Arrays.stream(e.getArguments()).map(String::valueOf).collect(Collectors.joining("\u001F"));
            scores.failed(importId, e.getMessageKey(), args.length() > 1000 ? args.substring(0, 1000) : args);
            return e.getMessageKey();
        } catch (UncheckedIOException e) {
            scores.failed(importId, "score.file.unreadable", null);
            return "score.file.unreadable";
        }
    }

    /**
     * The whole import in the caller's thread and transaction, without the job: for the demo seed's small file
     * only (a real file goes through the job, chunked and restartable). Returns the problem's key, else null.
     */
    public String importNow(@NotNull Long importId) {
        String problem = checkFile(importId);
        if (problem != null) {
            return problem;
        }
        Setup setup = setup(importId);
        ScoreImportPipeline pipeline = new ScoreImportPipeline(this, setup, List.of());
        try (ScoreFileReader reader = ScoreFileReader.open(setup.file())) {
            List<org.kaowu.domain.score.ScoreLine> lines = new ArrayList<>();
            reader.forEachRemaining(line -> lines.add(pipeline.canonical(line)));
            List<ScoreRow> rows = new ArrayList<>();
            List<RejectedRow> rejected = new ArrayList<>();
            long last = 0;
            for (ScoreImportPipeline.Checked c : pipeline.validate(lines)) {
                Object row = pipeline.toRow(c);
                if (row instanceof ScoreRow r) {
                    rows.add(r);
                } else {
                    rejected.add((RejectedRow) row);
                }
                last = c.line().lineNumber();
            }
            writeChunk(importId, setup.batchId(), rows, rejected, last);
        }
        return null;
    }

    /** [ticket no, ID number, name, position codes joined by ','] of every ticket of the batch (demo seed). */
    public List<String[]> ticketHolders(@NotNull Long batchId) {
        Map<String, String[]> byTicket = new java.util.LinkedHashMap<>();
        for (Object[] r : scores.ticketRowsOfBatch(batchId)) {
            String[] row = byTicket.computeIfAbsent((String) r[1], k -> new String[] {k, (String) r[2], (String) r[3], ""});
            row[3] = row[3].isEmpty() ? (String) r[4] : row[3] + "," + r[4];
        }
        return new ArrayList<>(byTicket.values());
    }

    /** Records a failure the job met outside the file check (shown on the page). */
    public void failed(@NotNull Long importId, @NotNull String errorKey) {
        scores.failed(importId, errorKey, null);
    }

    /**
     * A (re)started run continues after {@code line}: rejected lines recorded beyond it are not covered by the
     * checkpoint and go (there are none when the checkpoint and the data committed together, as they do).
     * Returns the line numbers rejected up to it, from which the reader rebuilds the keys already accepted.
     */
    public List<Long> resumeAt(@NotNull Long importId, long line) {
        scores.deleteRejectionsAfter(importId, line);
        return line <= 0 ? List.of() : scores.rejectedLineNumbers(importId, line);
    }

    /** One query for a chunk's tickets. */
    public List<TicketRow> tickets(@NotNull Long batchId, @NotNull Collection<String> ticketNos) {
        List<TicketRow> rows = new ArrayList<>();
        for (Object[] r : scores.ticketRows(batchId, ticketNos)) {
            rows.add(new TicketRow((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]));
        }
        return rows;
    }

    /** Writes one chunk (see the class comment) and adds its figures to the run. */
    public ChunkFigures writeChunk(@NotNull Long importId, @NotNull Long batchId, @NotNull List<ScoreRow> rows,
                                   @NotNull List<RejectedRow> rejections, long lastLine) {
        LocalDateTime now = LocalDateTime.now(clock);
        int inserted;
        int updated;
        if (isPostgres()) {
            ScoreImportCopy.Counts counts = copyChunk(importId, batchId, now, rows);
            inserted = counts.inserted();
            updated = counts.updated();
        } else {
            int[] counts = upsertChunk(importId, batchId, now, rows);
            inserted = counts[0];
            updated = counts[1];
        }
        for (RejectedRow r : rejections) {
            scores.persistRejection(new ScoreRejection(importId, r.lineNo(), r.reasonCode(), r.reasonText(), r.cells()));
        }
        scores.flush();
        int unchanged = rows.size() - inserted - updated;
        scores.addFigures(importId, rows.size() + rejections.size(), inserted, updated, unchanged, rejections.size(),
                lastLine);
        return new ChunkFigures(inserted, updated, unchanged, rejections.size());
    }

    /** PostgreSQL: COPY into a staging table and one upsert, on the chunk transaction's connection. */
    private ScoreImportCopy.Counts copyChunk(Long importId, Long batchId, LocalDateTime now, List<ScoreRow> rows) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return ScoreImportCopy.write(c, batchId, importId, now, rows);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("score chunk write failed", e);
        }
    }

    /** Elsewhere (H2): one query for the stored scores, then JPA with batch writing. Returns {inserted, updated}. */
    private int[] upsertChunk(Long importId, Long batchId, LocalDateTime now, List<ScoreRow> rows) {
        Set<Long> ticketIds = new LinkedHashSet<>();
        rows.forEach(r -> ticketIds.add(r.ticketId()));
        Map<List<Long>, Score> stored = new HashMap<>();
        for (Score s : scores.scoresOfTickets(batchId, ticketIds)) {
            stored.put(List.of(s.getTicketId(), s.getPositionId()), s);
        }
        int inserted = 0;
        int updated = 0;
        for (ScoreRow row : rows) {
            List<Long> key = List.of(row.ticketId(), row.positionId());
            Score score = stored.get(key);
            if (score == null) {
                score = new Score(batchId, row.ticketId(), row.positionId());
                score.set(row.score(), row.status(), row.verdict(), importId, now);
                scores.persist(score);
                stored.put(key, score);
                inserted++;
            } else if (score.differsFrom(row.score(), row.status(), row.verdict())) {
                score.set(row.score(), row.status(), row.verdict(), importId, now);
                updated++;
            }
        }
        return new int[] {inserted, updated};
    }

    private boolean isPostgres() {
        if (postgres == null) {
            try (java.sql.Connection c = dataSource.getConnection()) {
                postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return postgres;
    }

    private void analyze() {
        if (isPostgres()) {
            scores.analyzeForImport();
        }
    }
}
