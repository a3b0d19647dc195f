package org.kaowu.service;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kaowu.domain.account.StaffAccount;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.audit.AuditAction;
import org.kaowu.domain.certificate.CertificateNumberRule;
import org.kaowu.domain.certificate.CertificateRepository;
import org.kaowu.domain.certificate.CertificateRun;
import org.kaowu.domain.certificate.PassList;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamBatchRepository;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.score.ScorePublication;
import org.kaowu.domain.score.ScoreRepository;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;
import org.kaowu.service.ScoreService.RunState;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 证书管理 (manual section 7) for province admins and operators: 合格名单 publish / withdraw (province admins; the
 * batch's scores must be published, and a list is withdrawn only while the batch has no certificate), the batch's
 * certificate-number rule, and the {@code certificateNumbering} job (start, stop, continue — only ever through
 * {@link BatchJobService}) with its figures and run history. Every change goes to the audit log.
 * <p>
 * The rule is the batch's own ({@code pass_list.number_rule}), else MicroProfile Config
 * {@code kaowu.certificate.rule}, else {@value CertificateNumberRule#DEFAULT_PATTERN}; the province code comes
 * from {@code kaowu.certificate.province}. A misconfigured rule or a sequence that would overflow is refused
 * before the job starts, with a message that says which and why.
 */
@Stateless
public class CertificateService {

    /** The job's name (META-INF/batch-jobs/certificateNumbering.xml in the batch module) and its one parameter. */
    public static final String JOB = "certificateNumbering";
    public static final String PARAM_RUN = "runId";
    /** Runs shown in the history. */
    public static final int HISTORY = 20;

    private static final StaffRole[] NUMBERERS = {StaffRole.PROVINCE_ADMIN, StaffRole.OPERATOR};

    /** One run on the page: its record, its state and its error key if any. */
    public record Run(CertificateRun data, RunState state, String errorKey) implements Serializable {

        public boolean isRestartable() {
            return state == RunState.STOPPED || state == RunState.INTERRUPTED || state == RunState.FAILED;
        }

        /** 0–100. */
        public int getPercent() {
            if (state == RunState.COMPLETED || data.getToNumber() == 0) {
                return state == RunState.COMPLETED ? 100 : 0;
            }
            return (int) Math.min(99, data.getNumbered() * 100 / data.getToNumber());
        }
    }

    /** The page of one batch. */
    public record Overview(Long batchId, String batchCode, String batchName, boolean scoresPublished,
                           boolean passListPublished, LocalDateTime publishedAt, String publishedBy, long passers,
                           long certificates, String rule, boolean ownRule, String ruleProblem, List<Run> runs)
            implements Serializable {

        public long getUnnumbered() {
            return passers - certificates;
        }
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
    @EJB
    private AuditService audit;
    @EJB
    private BatchJobService jobs;
    @EJB
    private CertificateNumberingService numbering;
    @Resource
    private SessionContext context;

    @Inject
    @ConfigProperty(name = "kaowu.certificate.rule", defaultValue = CertificateNumberRule.DEFAULT_PATTERN)
    private String defaultRule;

    @Inject
    @ConfigProperty(name = "kaowu.certificate.province", defaultValue = "33")
    private String province;

    // ---------------------------------------------------------------- pass list

    /** 发布合格名单: the batch's passers appear on the public pass list (names, masked ID numbers). */
    public long publishPassList(@NotNull String username, @NotNull Long batchId) {
        StaffAccount staff = guard.require(username, "passList.publish", StaffRole.PROVINCE_ADMIN);
        ExamBatch batch = lock(batchId);
        if (!scores.publication(batchId).map(ScorePublication::isPublished).orElse(false)) {
            throw new BusinessException("certificate.passList.scoresNotPublished");
        }
        long passers = certificates.countPassers(batchId);
        if (passers == 0) {
            throw new BusinessException("certificate.passList.none");
        }
        PassList list = certificates.passListOrNew(batchId);
        if (list.isPublished()) {
            throw new BusinessException("certificate.passList.already");
        }
        list.publish(staff.getUsername(), now());
        audit.record(staff.getUsername(), AuditAction.PASS_LIST_PUBLISH, "batch", batchId,
                batch.getCode() + " " + batch.getName(), "unpublished", "published; " + passers + " passers");
        return passers;
    }

    /** 撤回合格名单: only while the batch has no certificate (a certificate's pass date is the list's). */
    public void withdrawPassList(@NotNull String username, @NotNull Long batchId) {
        StaffAccount staff = guard.require(username, "passList.withdraw", StaffRole.PROVINCE_ADMIN);
        ExamBatch batch = lock(batchId);
        PassList list = certificates.passList(batchId).filter(PassList::isPublished)
                .orElseThrow(() -> new BusinessException("certificate.passList.notPublished"));
        if (certificates.countCertificates(batchId) > 0) {
            throw new BusinessException("certificate.passList.hasCertificates");
        }
        list.withdraw(staff.getUsername(), now());
        audit.record(staff.getUsername(), AuditAction.PASS_LIST_WITHDRAW, "batch", batchId,
                batch.getCode() + " " + batch.getName(), "published", "withdrawn");
    }

    // ---------------------------------------------------------------- rule

    /** The batch's own certificate-number pattern; blank goes back to the configured one. Only before numbering. */
    public void saveRule(@NotNull String username, @NotNull Long batchId, String pattern) {
        StaffAccount staff = guard.require(username, "certificate.rule", StaffRole.PROVINCE_ADMIN);
        ExamBatch batch = lock(batchId);
        String cleaned = pattern == null || pattern.isBlank() ? null : pattern.strip();
        if (cleaned != null && cleaned.length() > PassList.RULE_LENGTH) {
            throw new BusinessException("certificate.rule.tooLong", PassList.RULE_LENGTH);
        }
        if (cleaned != null) {
            ruleOf(cleaned);
        }
        if (certificates.countCertificates(batchId) > 0) {
            throw new BusinessException("certificate.rule.numbered");
        }
        PassList list = certificates.passListOrNew(batchId);
        String before = list.getNumberRule();
        list.setNumberRule(cleaned);
        audit.record(staff.getUsername(), AuditAction.CERTIFICATE_RULE, "batch", batchId, batch.getCode(),
                before, cleaned);
    }

    /** The rule that numbers the batch now (checked: a misconfiguration is a BusinessException). */
    public CertificateNumberRule rule(@NotNull Long batchId) {
        return ruleOf(certificates.passList(batchId).map(PassList::getNumberRule).orElse(defaultRule));
    }

    // ---------------------------------------------------------------- the numbering job

    /** 生成证书编号. Outside a transaction: the run is checked and recorded in one, the job starts after its commit. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long start(@NotNull String username, @NotNull Long batchId) {
        CertificateRun run = self().beginRun(username, batchId);
        long execution = jobs.startCertificateNumbering(run.getId());
        self().attach(run.getId(), execution);
        return run.getId();
    }

    /**
     * 继续: a stopped or failed run goes on (JBatch restart); a run the server died under goes on in a new
     * execution. Either way each partition reads its unnumbered passers and the sequence's highest number afresh.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long restart(@NotNull String username, @NotNull Long runId) {
        Run run = self().beginRestart(username, runId);
        long execution = run.state() == RunState.INTERRUPTED || run.data().getExecutionId() == null
                ? jobs.startCertificateNumbering(runId)
                : jobs.restartCertificateNumbering(run.data().getExecutionId(), runId);
        self().attach(runId, execution);
        return execution;
    }

    /** 停止: the partitions stop at the end of their current chunk (everything numbered before stays). */
    public void stop(@NotNull String username, @NotNull Long runId) {
        StaffAccount staff = guard.require(username, "certificate.stop", NUMBERERS);
        Run run = toRun(runRecord(runId));
        if (run.state() != RunState.RUNNING) {
            throw new BusinessException("certificate.run.notRunning");
        }
        jobs.stop(run.data().getExecutionId());
        audit.record(staff.getUsername(), AuditAction.CERTIFICATE_NUMBERING, "certificateRun", runId,
                "stop", RunState.RUNNING.name(), "stop");
    }

    /**
     * Checks and records a new run: pass list published, nothing else running for the batch, the rule valid and
     * every sequence with room for its passers. Used by {@link #start} in a transaction of its own.
     */
    public CertificateRun beginRun(@NotNull String username, @NotNull Long batchId) {
        StaffAccount staff = guard.require(username, "certificate.start", NUMBERERS);
        ExamBatch batch = lock(batchId);
        checkStartable(batchId);
        CertificateNumberRule rule = rule(batchId);
        long toNumber = checkCapacity(batch, rule);
        if (toNumber == 0) {
            throw new BusinessException("certificate.numbering.nothing");
        }
        CertificateRun run = certificates.persistRun(new CertificateRun(batchId, rule, toNumber, staff.getUsername(), now()));
        audit.record(staff.getUsername(), AuditAction.CERTIFICATE_NUMBERING, "batch", batchId,
                batch.getCode() + " " + rule.pattern(), null, "start; " + toNumber + " to number");
        return run;
    }

    /** Checks and logs a restart; used by {@link #restart} in a transaction of its own. */
    public Run beginRestart(@NotNull String username, @NotNull Long runId) {
        StaffAccount staff = guard.require(username, "certificate.restart", NUMBERERS);
        CertificateRun data = runRecord(runId);
        ExamBatch batch = lock(data.getBatchId());
        Run run = toRun(data);
        if (!run.isRestartable()) {
            throw new BusinessException("certificate.run.notRestartable");
        }
        checkStartable(data.getBatchId());
        checkCapacity(batch, data.rule());
        audit.record(staff.getUsername(), AuditAction.CERTIFICATE_NUMBERING, "certificateRun", runId,
                batch.getCode() + " " + data.getNumberRule(), run.state().name(), "restart");
        return run;
    }

    /** Records the execution that now works on the run. */
    public void attach(@NotNull Long runId, long executionId) {
        certificates.attach(runId, executionId);
    }

    /**
     * The demo seed's numbering: the same checks and chunk write as the job, in the caller's thread (a few
     * passers). Returns how many were numbered.
     */
    public int numberNow(@NotNull String username, @NotNull Long batchId) {
        CertificateRun run = beginRun(username, batchId);
        int numbered = numbering.numberNow(run.getId());
        return numbered;
    }

    // ---------------------------------------------------------------- watching

    public Overview overview(@NotNull String username, @NotNull Long batchId) {
        guard.require(username, "certificate.overview", NUMBERERS);
        ExamBatch batch = batches.find(batchId).orElseThrow(() -> new NotFoundException("batch.notFound"));
        Optional<PassList> list = certificates.passList(batchId);
        String pattern = list.map(PassList::getNumberRule).orElse(null);
        String problem = null;
        try {
            rule(batchId);
        } catch (BusinessException e) {
            problem = e.getArguments().length > 1 ? String.valueOf(e.getArguments()[1]) : e.getMessageKey();
        }
        List<Run> runs = new ArrayList<>();
        for (CertificateRun r : certificates.runs(batchId, HISTORY)) {
            runs.add(toRun(r));
        }
        return new Overview(batch.getId(), batch.getCode(), batch.getName(),
                scores.publication(batchId).map(ScorePublication::isPublished).orElse(false),
                list.map(PassList::isPublished).orElse(false), list.map(PassList::getPublishedAt).orElse(null),
                list.map(PassList::getPublishedBy).orElse(null), certificates.countPassers(batchId),
                certificates.countCertificates(batchId), pattern == null ? defaultRule : pattern, pattern != null,
                problem, runs);
    }

    /** One run with fresh figures (the page polls this). */
    public Run run(@NotNull String username, @NotNull Long runId) {
        guard.require(username, "certificate.run", NUMBERERS);
        return toRun(runRecord(runId));
    }

    // ---------------------------------------------------------------- helpers

    private void checkStartable(Long batchId) {
        if (!certificates.passList(batchId).map(PassList::isPublished).orElse(false)) {
            throw new BusinessException("certificate.numbering.passListNotPublished");
        }
        for (CertificateRun other : certificates.runs(batchId, HISTORY)) {
            if (toRun(other).state().isActive()) {
                throw new BusinessException("certificate.run.running");
            }
        }
    }

    /** Every sequence of the batch has room for its unnumbered passers; returns how many they are. */
    private long checkCapacity(ExamBatch batch, CertificateNumberRule rule) {
        Map<Long, Long> unnumbered = new HashMap<>();
        for (Object[] row : certificates.unnumberedByPosition(batch.getId())) {
            unnumbered.put((Long) row[0], (Long) row[1]);
        }
        int year = batch.getSchedule().getExamStart().getYear();
        long total = 0;
        for (Position p : batch.getPositions()) {
            long count = unnumbered.getOrDefault(p.getId(), 0L);
            if (count == 0) {
                continue;
            }
            try {
                int highest = numbering.highestUsed(rule, year, p.getCode());
                rule.checkCapacity(year, p.getCode(), highest, count);
            } catch (IllegalArgumentException e) {
                throw new BusinessException("certificate.rule.capacity", p.getCode(), e.getMessage());
            }
            total += count;
        }
        return total;
    }

    private CertificateNumberRule ruleOf(String pattern) {
        try {
            return CertificateNumberRule.of(pattern, province);
        } catch (IllegalArgumentException e) {
            throw new BusinessException("certificate.rule.invalid", pattern, e.getMessage());
        }
    }

    private Run toRun(CertificateRun data) {
        if (data.getExecutionId() == null) {
            boolean numberedWithoutJob = data.getToNumber() > 0 && data.getNumbered() >= data.getToNumber();
            RunState state = data.getErrorKey() != null ? RunState.FAILED
                    : numberedWithoutJob ? RunState.COMPLETED : RunState.UPLOADED;
            return new Run(data, state, data.getErrorKey());
        }
        RunState state;
        try {
            state = jobs.runState(data.getExecutionId());
        } catch (NotFoundException e) {
            return new Run(data, RunState.FAILED, "certificate.run.lost");
        }
        String errorKey = data.getErrorKey();
        if (errorKey == null && state == RunState.FAILED) {
            errorKey = "certificate.run.failed";
        }
        return new Run(data, state, errorKey);
    }

    private CertificateRun runRecord(Long runId) {
        return certificates.runFresh(runId).orElseThrow(() -> new NotFoundException("certificate.run.notFound"));
    }

    private ExamBatch lock(Long batchId) {
        return certificates.lockBatch(batchId).orElseThrow(() -> new NotFoundException("batch.notFound"));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private CertificateService self() {
        return context.getBusinessObject(CertificateService.class);
    }
}
