package org.kaowu.service;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.kaowu.exception.NotFoundException;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The one door to Jakarta Batch. JBatch lets only the component that started a job see, stop or restart it,
 * so every job is started and watched through this EJB (the web layer never touches {@link JobOperator}).
 * Outside any transaction: JBatch writes its job repository through the application's (non-XA) pool, and
 * inside a caller's transaction those writes, even the repository's CREATE TABLEs on PostgreSQL, would be
 * enlisted and rolled back with it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchJobService {

    /** Statuses after which a job execution no longer changes. */
    public static final Set<BatchStatus> TERMINAL = Set.of(BatchStatus.COMPLETED, BatchStatus.FAILED,
            BatchStatus.STOPPED, BatchStatus.ABANDONED);

    public long start(@NotBlank String jobName, Properties parameters) {
        return operator().start(jobName, parameters == null ? new Properties() : parameters);
    }

    public long restart(long executionId, Properties parameters) {
        return operator().restart(executionId, parameters == null ? new Properties() : parameters);
    }

    public void stop(long executionId) {
        operator().stop(executionId);
    }

    @NotNull
    public JobExecution execution(long executionId) {
        try {
            return operator().getJobExecution(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw new NotFoundException("batch.job.notFound");
        } catch (jakarta.batch.operations.JobSecurityException e) {
            // started by an earlier deployment of the application: JBatch no longer lets us see it
            throw new NotFoundException("batch.job.notFound");
        }
    }

    public List<StepExecution> steps(long executionId) {
        return operator().getStepExecutions(executionId);
    }

    public boolean isFinished(long executionId) {
        return TERMINAL.contains(execution(executionId).getBatchStatus());
    }

    /** 成绩导入: starts the {@code scoreImport} job for one uploaded file (a new execution). */
    public long startScoreImport(long importId) {
        return start(ScoreService.JOB, scoreImportParameters(importId));
    }

    /** 成绩导入: restarts a stopped or failed execution; the reader continues after the last checkpoint. */
    public long restartScoreImport(long executionId, long importId) {
        return restart(executionId, scoreImportParameters(importId));
    }

    /**
     * True for an execution that still says it runs but was started before this server process: the server died
     * under it (kill -9, power loss). JBatch cannot restart such an execution (it is not STOPPED or FAILED), so
     * its work is resumed by a new execution that starts after the data's own last committed line.
     */
    public boolean isInterrupted(long executionId) {
        JobExecution execution = execution(executionId);
        BatchStatus status = execution.getBatchStatus();
        boolean claimsToRun = status == BatchStatus.STARTING || status == BatchStatus.STARTED
                || status == BatchStatus.STOPPING;
        java.util.Date created = execution.getCreateTime();
        return claimsToRun && created != null
                && created.getTime() < ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** 证书编号: starts the {@code certificateNumbering} job for one run (a new execution). */
    public long startCertificateNumbering(long runId) {
        return start(CertificateService.JOB, certificateParameters(runId));
    }

    /** 证书编号: restarts a stopped or failed execution; each partition re-reads its unnumbered passers. */
    public long restartCertificateNumbering(long executionId, long runId) {
        return restart(executionId, certificateParameters(runId));
    }

    /**
     * Where a job run stands, for the admin pages' run lists: the execution's batch status, or
     * {@link ScoreService.RunState#INTERRUPTED} if the server died under it (see {@link #isInterrupted}).
     *
     * @throws NotFoundException if the job repository no longer knows the execution
     */
    public ScoreService.RunState runState(long executionId) {
        if (isInterrupted(executionId)) {
            return ScoreService.RunState.INTERRUPTED;
        }
        return switch (execution(executionId).getBatchStatus()) {
            case STARTING, STARTED -> ScoreService.RunState.RUNNING;
            case STOPPING -> ScoreService.RunState.STOPPING;
            case STOPPED -> ScoreService.RunState.STOPPED;
            case COMPLETED -> ScoreService.RunState.COMPLETED;
            case FAILED, ABANDONED -> ScoreService.RunState.FAILED;
        };
    }

    private static Properties certificateParameters(long runId) {
        Properties parameters = new Properties();
        parameters.setProperty(CertificateService.PARAM_RUN, Long.toString(runId));
        return parameters;
    }

    private static Properties scoreImportParameters(long importId) {
        Properties parameters = new Properties();
        parameters.setProperty(ScoreService.PARAM_IMPORT, Long.toString(importId));
        return parameters;
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
