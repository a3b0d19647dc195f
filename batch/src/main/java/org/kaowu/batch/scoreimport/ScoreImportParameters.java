package org.kaowu.batch.scoreimport;

import jakarta.batch.runtime.context.JobContext;
import org.kaowu.service.ScoreService;

/**
 * The run a job execution works on: the job-level property {@code importId}, which the job XML fills from the
 * job parameter of the same name (read from the job context, not the operator: only the component that started
 * the job may ask the operator about it).
 */
final class ScoreImportParameters {

    private ScoreImportParameters() {
    }

    static Long importId(JobContext job) {
        String value = job.getProperties().getProperty(ScoreService.PARAM_IMPORT);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("job parameter " + ScoreService.PARAM_IMPORT + " missing");
        }
        return Long.valueOf(value);
    }
}
