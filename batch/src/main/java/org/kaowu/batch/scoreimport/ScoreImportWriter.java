package org.kaowu.batch.scoreimport;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.service.ScoreImportPipeline;
import org.kaowu.service.ScoreImportService;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a chunk through {@link ScoreImportService#writeChunk}, inside the chunk's transaction: the upsert keyed
 * by (ticket, position), the rejected lines and the run's figures commit together with the checkpoint. A chunk
 * that is repeated after a failure writes the same values again (upsert), so nothing is doubled.
 */
@Dependent
@Named("scoreImportWriter")
public class ScoreImportWriter extends AbstractItemWriter {

    @EJB
    private ScoreImportService imports;
    @Inject
    private StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        ScoreImportPipeline pipeline = (ScoreImportPipeline) step.getTransientUserData();
        List<ScoreImportService.ScoreRow> rows = new ArrayList<>(items.size());
        List<ScoreImportService.RejectedRow> rejected = new ArrayList<>();
        long last = 0;
        for (Object item : items) {
            if (item instanceof ScoreImportService.ScoreRow row) {
                rows.add(row);
                last = Math.max(last, row.lineNo());
            } else {
                ScoreImportService.RejectedRow r = (ScoreImportService.RejectedRow) item;
                rejected.add(r);
                last = Math.max(last, r.lineNo());
            }
        }
        imports.writeChunk(pipeline.setup().importId(), pipeline.setup().batchId(), rows, rejected, last);
    }
}
