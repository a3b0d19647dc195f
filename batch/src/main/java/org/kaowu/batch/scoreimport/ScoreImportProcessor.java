package org.kaowu.batch.scoreimport;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.service.ScoreImportPipeline;

/**
 * A checked line becomes what the writer stores: a score row with 合格/不合格 (the position's pass line) or a
 * rejected line with its cells, line number and reason. Bad lines are data, not skips: a chunk whose lines are
 * all bad must still record them with its checkpoint, which only the writer's transaction guarantees.
 */
@Dependent
@Named("scoreImportProcessor")
public class ScoreImportProcessor implements ItemProcessor {

    @Inject
    private StepContext step;

    @Override
    public Object processItem(Object item) {
        ScoreImportPipeline pipeline = (ScoreImportPipeline) step.getTransientUserData();
        return pipeline.toRow((ScoreImportPipeline.Checked) item);
    }
}
