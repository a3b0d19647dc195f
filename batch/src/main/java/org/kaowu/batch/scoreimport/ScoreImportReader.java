package org.kaowu.batch.scoreimport;

import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.domain.score.ScoreFileReader;
import org.kaowu.domain.score.ScoreKey;
import org.kaowu.domain.score.ScoreLine;
import org.kaowu.service.ScoreImportPipeline;
import org.kaowu.service.ScoreImportService;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reads the score file a block of {@value #BLOCK} lines at a time (the chunk size), validates the block with one
 * ticket query and hands out the checked lines one by one. Checkpoint: the number of the last line handed out;
 * on restart the file is opened after it, and the (ticket, subject) keys accepted before it are rebuilt from the
 * file and the run's rejected lines, so the duplicate check goes on exactly where it stopped.
 * <p>
 * A run the server died under has no checkpoint for its new execution: it starts after the run's own last line,
 * which commits with the data (the same value the checkpoint would hold).
 * <p>
 * One block ahead: while the chunk of block N is written (the upsert is most of a chunk's time), a thread of its
 * own reads and checks block N+1 — the file, the duplicate check and the ticket look-up (its own read-only
 * transaction) belong to that thread alone, and the checked lines come back through a {@link Future}. What was
 * read ahead but not handed out is not covered by the checkpoint: a restart reads it again.
 */
@Dependent
@Named("scoreImportReader")
public class ScoreImportReader extends AbstractItemReader {

    static final int BLOCK = 1000;

    @EJB
    private ScoreImportService imports;
    @Inject
    private JobContext job;
    @Inject
    private StepContext step;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threads;

    private ScoreFileReader file;
    private ScoreImportPipeline pipeline;
    private final ArrayDeque<ScoreImportPipeline.Checked> block = new ArrayDeque<>();
    private long lastHandedOut;
    private ExecutorService ahead;
    private Future<List<ScoreImportPipeline.Checked>> next;

    @Override
    public void open(Serializable checkpoint) {
        Long importId = ScoreImportParameters.importId(job);
        ScoreImportService.Setup setup = imports.setup(importId);
        long resume = checkpoint instanceof Long line ? line : setup.lastLine();
        List<Long> rejected = imports.resumeAt(importId, resume);
        List<ScoreKey> accepted = new ArrayList<>();
        ScoreImportPipeline forKeys = new ScoreImportPipeline(imports, setup, List.of());
        if (resume > 0) {
            Set<Long> rejectedLines = new HashSet<>(rejected);
            try (ScoreFileReader before = ScoreFileReader.open(setup.file())) {
                ScoreLine line;
                while ((line = before.nextOrNull()) != null && line.lineNumber() <= resume) {
                    if (!rejectedLines.contains(line.lineNumber())) {
                        accepted.add(ScoreKey.of(forKeys.canonical(line)));
                    }
                }
            }
        }
        pipeline = new ScoreImportPipeline(imports, setup, accepted);
        step.setTransientUserData(pipeline);
        file = ScoreFileReader.open(setup.file(), resume);
        lastHandedOut = resume;
        ahead = Executors.newSingleThreadExecutor(threads);
        next = ahead.submit(this::readAndCheckBlock);
    }

    @Override
    public Object readItem() {
        if (block.isEmpty()) {
            List<ScoreImportPipeline.Checked> checked = take(next);
            if (checked.isEmpty()) {
                return null;
            }
            block.addAll(checked);
            next = ahead.submit(this::readAndCheckBlock);
        }
        ScoreImportPipeline.Checked item = block.poll();
        lastHandedOut = item.line().lineNumber();
        return item;
    }

    /** On the thread ahead only: the next block of lines, checked; empty at the end of the file. */
    private List<ScoreImportPipeline.Checked> readAndCheckBlock() {
        List<ScoreLine> lines = new ArrayList<>(BLOCK);
        ScoreLine line;
        while (lines.size() < BLOCK && (line = file.nextOrNull()) != null) {
            lines.add(pipeline.canonical(line));
        }
        return lines.isEmpty() ? List.of() : pipeline.validate(lines);
    }

    /** The block read ahead; what went wrong there is thrown here, on the chunk's thread, as it was thrown. */
    private static List<ScoreImportPipeline.Checked> take(Future<List<ScoreImportPipeline.Checked>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the score file", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return lastHandedOut;
    }

    @Override
    public void close() {
        if (ahead != null) {
            // let the block in hand finish (at most 1000 lines and one query) before its file is closed
            ahead.shutdown();
            try {
                if (!ahead.awaitTermination(5, TimeUnit.MINUTES)) {
                    ahead.shutdownNow();
                }
            } catch (InterruptedException e) {
                ahead.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (file != null) {
            file.close();
        }
    }
}
