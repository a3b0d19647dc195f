package org.kaowu.batch.scoreimport;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.service.ScoreImportService;

/**
 * Step {@code checkFile}: the whole file is read once; a file-level problem (empty, not CSV/XLSX, missing
 * columns, a runaway field far down) is recorded on the run and fails the job, so nothing of such a file is
 * ever imported. Not repeated on restart (the step completed).
 */
@Dependent
@Named("scoreFileCheckBatchlet")
public class ScoreFileCheckBatchlet extends AbstractBatchlet {

    @EJB
    private ScoreImportService imports;
    @Inject
    private JobContext job;

    @Override
    public String process() {
        String problem = imports.checkFile(ScoreImportParameters.importId(job));
        if (problem != null) {
            job.setExitStatus(problem);
            throw new ScoreFileRefusedException(problem);
        }
        return "CHECKED";
    }

    /** Fails the step (and the job) with the file problem's bundle key as its message. */
    static final class ScoreFileRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScoreFileRefusedException(String key) {
            super(key, null, false, false);
        }
    }
}
