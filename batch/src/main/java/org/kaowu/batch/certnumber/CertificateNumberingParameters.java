package org.kaowu.batch.certnumber;

import jakarta.batch.runtime.context.JobContext;
import org.kaowu.service.CertificateService;

/**
 * The run a job execution works on: the job-level property {@code runId}, filled by the job XML from the job
 * parameter of the same name (read from the job context: only the starting component may ask the operator).
 */
final class CertificateNumberingParameters {

    private CertificateNumberingParameters() {
    }

    static Long runId(JobContext job) {
        String value = job.getProperties().getProperty(CertificateService.PARAM_RUN);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("job parameter " + CertificateService.PARAM_RUN + " missing");
        }
        return Long.valueOf(value);
    }
}
