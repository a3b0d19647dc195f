package org.kaowu.batch.scoreimport;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
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

/**
 * Reads the score file a block of {@value #BLOCK} lines at a time (the chunk size), validates the block with one
 * ticket query and hands out the checked lines one by one. Checkpoint: the number of the last line handed out;
 * on restart the file is opened after it, and the (ticket, subject) keys accepted before it are rebuilt from the
 * file and the run's rejected lines, so the duplicate check goes on exactly where it stopped.
 * <p>
 * A run the server died under has no checkpoint for its new execution: it starts after the run's own last line,
 * which commits with the data (the same value the checkpoint would hold).
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

    private ScoreFileReader file;
    private ScoreImportPipeline pipeline;
    private final ArrayDeque<ScoreImportPipeline.Checked> block = new ArrayDeque<>();
    private long lastHandedOut;

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
    }

    @Override
    public Object readItem() {
        if (block.isEmpty()) {
            List<ScoreLine> lines = new ArrayList<>(BLOCK);
            ScoreLine line;
            while (lines.size() < BLOCK && (line = file.nextOrNull()) != null) {
                lines.add(pipeline.canonical(line));
            }
            if (lines.isEmpty()) {
                return null;
            }
            block.addAll(pipeline.validate(lines));
        }
        ScoreImportPipeline.Checked next = block.poll();
        lastHandedOut = next.line().lineNumber();
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastHandedOut;
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }
}
