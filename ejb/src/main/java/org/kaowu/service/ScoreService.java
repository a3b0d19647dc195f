package org.kaowu.service;

import org.kaowu.domain.certificate.CertificateRepository;
import org.kaowu.domain.certificate.PassList;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kaowu.domain.account.StaffAccount;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.audit.AuditAction;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamBatchRepository;
import org.kaowu.domain.score.RejectedLinesCsv;
import org.kaowu.domain.score.ScoreImport;
import org.kaowu.domain.score.ScorePublication;
import org.kaowu.domain.score.ScoreRejection;
import org.kaowu.domain.score.ScoreRepository;
import org.kaowu.domain.score.ScoreTemplate;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * 成绩管理 (manual section 6) for province admins and operators: upload a score file, start, stop and restart
 * its import (the {@code scoreImport} job, only ever through {@link BatchJobService}), watch its figures, the run
 * history, the template and the rejected lines; 发布成绩 / 撤回 per batch (province admins only). Every change
 * and every export of personal data goes to the audit log.
 * <p>
 * Published scores never change: an import is refused while the batch's scores are published (withdraw first),
 * which is also what lets {@link ScoreQueryService} serve them from memory. The query cache is told after the
 * publishing transaction commits.
 */
@Stateless
public class ScoreService {

    /** The job's name (META-INF/batch-jobs/scoreImport.xml in the batch module) and its one parameter. */
    public static final String JOB = "scoreImport";
    public static final String PARAM_IMPORT = "importId";
    /** Largest score file accepted: a million lines of CSV are about 80 MB. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** Runs shown in the history. */
    public static final int HISTORY = 20;
    private static final int REJECTION_PAGE = 5_000;

    private static final Logger LOG = Logger.getLogger(ScoreService.class.getName());
    private static final StaffRole[] IMPORTERS = {StaffRole.PROVINCE_ADMIN, StaffRole.OPERATOR};

    /** Where a run stands, from the job repository and the run's own record. */
    public enum RunState {
        UPLOADED, RUNNING, STOPPING, COMPLETED, FAILED, STOPPED, INTERRUPTED;

        public boolean isActive() {
            return this == RUNNING || this == STOPPING;
        }
    }

    /** One run on the page: its record, state and error (bundle key and arguments) if any. */
    public record Run(ScoreImport data, RunState state, String errorKey, Object[] errorArguments) implements Serializable {

        public boolean isRestartable() {
            return state == RunState.STOPPED || state == RunState.INTERRUPTED
                    || (state == RunState.FAILED && data.getErrorKey() == null);
        }

        /** 0–100 once the file check counted the lines. */
        public int getPercent() {
            Long total = data.getTotalLines();
            if (state == RunState.COMPLETED) {
                return 100;
            }
            return total == null || total == 0 ? 0 : (int) Math.min(99, data.getLinesRead() * 100 / total);
        }
    }

    /** The page of one batch. */
    public record Overview(Long batchId, String batchCode, String batchName, boolean published,
                           LocalDateTime publishedAt, String publishedBy, long scores, List<Run> runs)
            implements Serializable {
    }

    /** Fired when a batch's published scores change; the query cache drops the batch after commit. */
    public record Changed(Long batchId) {
    }

    @Inject
    private CertificateRepository certificates;
    @Inject
    private ScoreRepository scores;
    @Inject
    private ExamBatchRepository batches;
    @Inject
    private StaffGuard guard;
    @Inject
    private Clock clock;
    @Inject
    private Event<Changed> changed;
    @EJB
    private AuditService audit;
    @EJB
    private NotificationService notifications;
    @EJB
    private BatchJobService jobs;
    @Resource
    private SessionContext context;

    /** Uploads and inbox files are kept under this folder (MicroProfile Config; env KAOWU_DATA_DIR). */
    @Inject
    @ConfigProperty(name = "kaowu.data.dir")
    private Optional<String> dataDir;

    // ---------------------------------------------------------------- upload, start, stop, restart

    /**
     * Saves an uploaded score file under the data folder and records it as a run of the batch (not started).
     * The file is streamed to disk; more than {@link #MAX_FILE_BYTES} is refused and nothing is kept.
     */
    public ScoreImport upload(@NotNull String username, @NotNull Long batchId, String fileName, @NotNull InputStream in) {
        StaffAccount staff = guard.require(username, "score.upload", IMPORTERS);
        ExamBatch batch = batch(batchId);
        String name = cleanName(fileName);
        Path folder = folder().resolve(batch.getCode());
        Path target;
        long size;
        try {
            Files.createDirectories(folder);
            target = folder.resolve(UUID.randomUUID() + ".upload");
            Path partial = folder.resolve(target.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                size = copyLimited(in, out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warning(() -> "score upload could not be saved: " + e);
            throw new BusinessException("score.upload.failed");
        }
        if (size == 0) {
            deleteQuietly(target);
            throw new BusinessException("score.file.empty");
        }
        ScoreImport run = scores.persistImport(new ScoreImport(batch.getId(), name, target.toString(), size,
                ScoreImport.UPLOAD, staff.getUsername(), now()));
        audit.record(staff.getUsername(), AuditAction.SCORE_UPLOAD, "scoreImport", run.getId(),
                batch.getCode() + " " + name, null, size + " bytes");
        return run;
    }

    /** 开始导入. Outside a transaction: the run is checked and marked in one, the job starts after its commit. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long start(@NotNull String username, @NotNull Long importId) {
        self().beginRun(username, importId, "start");
        long execution = jobs.startScoreImport(importId);
        self().attach(username, importId, execution);
        return execution;
    }

    /**
     * 继续导入: a stopped or failed run goes on after its last checkpoint (JBatch restart); a run the server died
     * under goes on in a new execution from the last line its data committed. Either way nothing is read twice
     * into the scores and nothing is missed.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long restart(@NotNull String username, @NotNull Long importId) {
        Run run = self().beginRun(username, importId, "restart");
        long execution = run.state() == RunState.INTERRUPTED
                ? jobs.startScoreImport(importId)
                : jobs.restartScoreImport(run.data().getExecutionId(), importId);
        self().attach(username, importId, execution);
        return execution;
    }

    /** 停止: the job stops at the end of the current chunk (everything before it stays, exactly counted). */
    public void stop(@NotNull String username, @NotNull Long importId) {
        StaffAccount staff = guard.require(username, "score.stop", IMPORTERS);
        Run run = toRun(importRun(importId));
        if (run.state() != RunState.RUNNING) {
            throw new BusinessException("score.import.notRunning");
        }
        jobs.stop(run.data().getExecutionId());
        audit.record(staff.getUsername(), AuditAction.SCORE_IMPORT, "scoreImport", importId,
                run.data().getFileName(), RunState.RUNNING.name(), "stop");
    }

    /** Checks and logs a start or restart; used by {@link #start} and {@link #restart} in a transaction of its own. */
    public Run beginRun(@NotNull String username, @NotNull Long importId, @NotNull String what) {
        StaffAccount staff = guard.require(username, "score." + what, IMPORTERS);
        ScoreImport data = importRun(importId);
        Run run = toRun(data);
        boolean fresh = "start".equals(what);
        if (fresh && run.state() != RunState.UPLOADED) {
            throw new BusinessException("score.import.alreadyStarted");
        }
        if (!fresh && !run.isRestartable()) {
            throw new BusinessException("score.import.notRestartable");
        }
        if (scores.publication(data.getBatchId()).map(ScorePublication::isPublished).orElse(false)) {
            throw new BusinessException("score.import.published");
        }
        for (ScoreImport other : scores.importRuns(data.getBatchId(), HISTORY)) {
            if (!other.getId().equals(importId) && toRun(other).state().isActive()) {
                throw new BusinessException("score.import.running");
            }
        }
        audit.record(staff.getUsername(), AuditAction.SCORE_IMPORT, "scoreImport", importId,
                batch(data.getBatchId()).getCode() + " " + data.getFileName(), run.state().name(), what);
        return run;
    }

    /** Records the execution that now works on the run. */
    public void attach(@NotNull String username, @NotNull Long importId, long executionId) {
        scores.attach(importId, executionId, username, now());
    }

    // ---------------------------------------------------------------- inbox (ScoreInbox, no staff member)

    /**
     * 收件箱: registers a file dropped into the inbox as a run of the batch its name gives (source INBOX, by
     * {@value ScoreInbox#ACTOR}) and moves it to {@code target}, in one transaction. Refused like an upload and
     * start would be: unknown batch, published scores, or (the caller then leaves the file for a later poll)
     * another run of the batch still active.
     */
    public ScoreImport registerInboxFile(@NotNull String batchCode, @NotNull Path file, @NotNull Path target) {
        ExamBatch batch = batches.findByCode(batchCode)
                .orElseThrow(() -> new BusinessException("score.inbox.unknownBatch", batchCode));
        if (scores.publication(batch.getId()).map(ScorePublication::isPublished).orElse(false)) {
            throw new BusinessException("score.import.published");
        }
        for (ScoreImport other : scores.importRuns(batch.getId(), HISTORY)) {
            if (toRun(other).state().isActive()) {
                throw new BusinessException("score.import.running");
            }
        }
        String name = cleanName(file.getFileName().toString());
        long size;
        try {
            size = Files.size(file);
            if (size == 0) {
                throw new BusinessException("score.file.empty");
            }
            if (size > MAX_FILE_BYTES) {
                throw new BusinessException("score.upload.tooLarge", MAX_FILE_BYTES / (1024 * 1024));
            }
            Files.createDirectories(target.getParent());
            ScoreImport run = scores.persistImport(new ScoreImport(batch.getId(), name, target.toString(), size,
                    ScoreImport.INBOX, ScoreInbox.ACTOR, now()));
            scores.flush();
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            audit.record(ScoreInbox.ACTOR, AuditAction.SCORE_UPLOAD, "scoreImport", run.getId(),
                    batch.getCode() + " " + name, null, size + " bytes (inbox)");
            return run;
        } catch (IOException e) {
            LOG.warning(() -> "inbox file " + file + " could not be taken: " + e);
            throw new BusinessException("score.upload.failed");
        }
    }

    /** The inbox run that works on this stored file, with its state. */
    public Optional<Run> inboxRun(@NotNull Path storedFile) {
        return scores.inboxRun(storedFile.toString()).map(this::toRun);
    }

    /** The inbox filed the run's file away. */
    public void inboxFiled(@NotNull Long importId, @NotNull Path storedFile) {
        scores.moved(importId, storedFile.toString());
    }

    // ---------------------------------------------------------------- watching

    public Overview overview(@NotNull String username, @NotNull Long batchId) {
        guard.require(username, "score.overview", IMPORTERS);
        ExamBatch batch = batch(batchId);
        Optional<ScorePublication> p = scores.publication(batchId);
        List<Run> runs = new ArrayList<>();
        for (ScoreImport data : scores.importRuns(batchId, HISTORY)) {
            runs.add(toRun(data));
        }
        return new Overview(batch.getId(), batch.getCode(), batch.getName(), p.map(ScorePublication::isPublished).orElse(false),
                p.map(ScorePublication::getPublishedAt).orElse(null), p.map(ScorePublication::getPublishedBy).orElse(null),
                scores.countScores(batchId), runs);
    }

    /** One run with fresh figures (the page polls this). */
    public Run run(@NotNull String username, @NotNull Long importId) {
        guard.require(username, "score.run", IMPORTERS);
        return toRun(scores.importRunFresh(importId).orElseThrow(() -> new NotFoundException("score.import.notFound")));
    }

    /** 拒收行下载: the run's rejected lines as CSV (CSV-injection safe). Logged: the lines hold ID numbers. */
    public String writeRejected(@NotNull String username, @NotNull Long importId, @NotNull OutputStream out) {
        StaffAccount staff = guard.require(username, "score.rejected", IMPORTERS);
        ScoreImport data = importRun(importId);
        List<String> header = data.getHeader() == null ? ScoreTemplate.header() : ScoreRejection.split(data.getHeader());
        long count = 0;
        RejectedLinesCsv csv = new RejectedLinesCsv(out, header);
        long after = 0;
        while (true) {
            List<ScoreRejection> page = scores.rejections(importId, after, REJECTION_PAGE);
            for (ScoreRejection r : page) {
                csv.write(r.getLineNo(), r.getCells(), r.getReasonText());
                after = r.getLineNo();
                count++;
            }
            if (page.size() < REJECTION_PAGE) {
                break;
            }
        }
        csv.flush();
        audit.record(staff.getUsername(), AuditAction.EXPORT, "scoreImport", importId,
                "拒收行 " + data.getFileName() + " " + count + " 行", null, null);
        String base = data.getFileName().replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        return base + "-拒收行.csv";
    }

    /** 模板下载. */
    public byte[] template(@NotNull String username) {
        guard.require(username, "score.template", IMPORTERS);
        return ScoreTemplate.csv();
    }

    // ---------------------------------------------------------------- publication

    /** 发布成绩: candidates can now see the batch's scores; each one with scores gets an SMS and an e-mail. */
    public int publish(@NotNull String username, @NotNull Long batchId) {
        StaffAccount staff = guard.require(username, "score.publish", StaffRole.PROVINCE_ADMIN);
        ExamBatch batch = scores.lockBatch(batchId).orElseThrow(() -> new NotFoundException("batch.notFound"));
        ScorePublication p = scores.publicationOrNew(batchId);
        if (p.isPublished()) {
            throw new BusinessException("score.publish.already");
        }
        if (scores.countScores(batchId) == 0) {
            throw new BusinessException("score.publish.none");
        }
        for (ScoreImport run : scores.importRuns(batchId, HISTORY)) {
            if (toRun(run).state().isActive()) {
                throw new BusinessException("score.import.running");
            }
        }
        p.publish(staff.getUsername(), now());
        int told = 0;
        String text = NotificationTexts.text("sms.scoresPublished", batch.getName());
        for (Object[] contact : scores.contactsWithScores(batchId)) {
            if (contact[0] != null) {
                notifications.sms((String) contact[0], text);
            }
            if (contact[1] != null) {
                notifications.email((String) contact[1], NotificationTexts.text("email.scoresPublished.subject"), text);
            }
            told++;
        }
        audit.record(staff.getUsername(), AuditAction.SCORE_PUBLISH, "batch", batchId,
                batch.getCode() + " " + batch.getName(), "unpublished", "published; " + told + " candidates told");
        changed.fire(new Changed(batchId));
        return told;
    }

    /** 撤回: the scores disappear from the queries again (e.g. to correct and re-import them). */
    public void withdraw(@NotNull String username, @NotNull Long batchId) {
        StaffAccount staff = guard.require(username, "score.withdraw", StaffRole.PROVINCE_ADMIN);
        ExamBatch batch = scores.lockBatch(batchId).orElseThrow(() -> new NotFoundException("batch.notFound"));
        ScorePublication p = scores.publication(batchId).orElse(null);
        if (p == null || !p.isPublished()) {
            throw new BusinessException("score.withdraw.notPublished");
        }
        // the pass list (and any certificate) stands on these scores: it has to be withdrawn first
        if (certificates.passList(batchId).filter(PassList::isPublished).isPresent()) {
            throw new BusinessException("score.withdraw.passListPublished");
        }
        p.withdraw(staff.getUsername(), now());
        audit.record(staff.getUsername(), AuditAction.SCORE_WITHDRAW, "batch", batchId,
                batch.getCode() + " " + batch.getName(), "published", "withdrawn");
        changed.fire(new Changed(batchId));
    }

    // ---------------------------------------------------------------- helpers

    private Run toRun(ScoreImport data) {
        Object[] args = data.getErrorArgs() == null ? new Object[0] : (Object[]) data.getErrorArgs().split("\u001F", -1);
        if (data.getExecutionId() == null) {
            boolean importedWithoutJob = data.getTotalLines() != null && data.getLinesRead() == data.getTotalLines();
            return new Run(data, importedWithoutJob ? RunState.COMPLETED : RunState.UPLOADED, data.getErrorKey(), args);
        }
        RunState state;
        try {
            state = jobs.runState(data.getExecutionId());
        } catch (NotFoundException e) {
            // an execution of an earlier deployment (or a cleaned job repository): JBatch cannot show or restart
            // it, but the run's own figures say where it stands, and a new execution can go on from its last line
            if (data.getTotalLines() != null && data.getLinesRead() == data.getTotalLines()) {
                return new Run(data, RunState.COMPLETED, null, args);
            }
            return data.getErrorKey() != null ? new Run(data, RunState.FAILED, data.getErrorKey(), args)
                    : new Run(data, RunState.INTERRUPTED, null, args);
        }
        String errorKey = data.getErrorKey();
        if (errorKey == null && state == RunState.FAILED) {
            errorKey = "score.import.failed";
        }
        return new Run(data, state, errorKey, args);
    }

    private ScoreImport importRun(Long importId) {
        return scores.importRunFresh(importId).orElseThrow(() -> new NotFoundException("score.import.notFound"));
    }

    private ExamBatch batch(Long batchId) {
        return batches.find(batchId).orElseThrow(() -> new NotFoundException("batch.notFound"));
    }

    private ScoreService self() {
        return context.getBusinessObject(ScoreService.class);
    }

    Path folder() {
        return Path.of(dataDir(dataDir), "score-imports");
    }

    /** {@code kaowu.data.dir}, else {@code <tmp>/kaowu}. */
    static String dataDir(Optional<String> configured) {
        return configured.filter(d -> !d.isBlank()).orElse(System.getProperty("java.io.tmpdir") + "/kaowu");
    }

    private static long copyLimited(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > MAX_FILE_BYTES) {
                throw new BusinessException("score.upload.tooLarge", MAX_FILE_BYTES / (1024 * 1024));
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** The name as shown (no folders, no control characters, at most the column's length). */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "score-file";
        }
        return name.length() > ScoreImport.FILE_NAME_LENGTH ? name.substring(0, ScoreImport.FILE_NAME_LENGTH) : name;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
