package org.kaowu.service;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.certificate.Certificate;
import org.kaowu.domain.certificate.CertificateNumberRule;
import org.kaowu.domain.certificate.CertificateRepository;
import org.kaowu.domain.certificate.CertificateRun;
import org.kaowu.domain.certificate.Numbering;
import org.kaowu.domain.certificate.PassList;
import org.kaowu.domain.certificate.VerificationCode;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamBatchRepository;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.notification.OutboxMessage;
import org.kaowu.exception.NotFoundException;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The numbering job's access to the database (and the demo seed's): the set-up of one partition (one position,
 * i.e. one (position, year) sequence), its unnumbered passers and the chunk's write. No staff check here: the job
 * runs only when {@link CertificateService} started it for a staff member who was checked then.
 * <p>
 * {@link #numberChunk} joins the chunk's transaction. It locks the position row, then reads the sequence's
 * highest number from the certificates table — not from the job's memory or checkpoint — and numbers the chunk's
 * passers from there. Certificates, the run's figure and the notifications commit together with the checkpoint;
 * a chunk that rolls back (or a server killed mid-chunk) leaves no number behind, and the next chunk or restart
 * reads the highest number again: no duplicate, no gap. Passers numbered meanwhile (another run) are skipped.
 */
@Stateless
public class CertificateNumberingService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Inject
    private CertificateRepository certificates;
    @Inject
    private ExamBatchRepository batches;
    @Inject
    private Clock clock;
    @EJB
    private NotificationService notifications;

    /** What one partition (one position of the run's batch) needs to number. */
    public record Setup(Long runId, Long batchId, String batchName, Long positionId, String positionCode,
                        String positionName, int year, String pattern, String province, LocalDate passDate)
            implements Serializable {

        public CertificateNumberRule rule() {
            return CertificateNumberRule.of(pattern, province);
        }
    }

    /** An unnumbered passer as the job reads it, with the registration's mobile and e-mail (either may be null). */
    public record Passer(Long ticketId, Long registrationId, String mobile, String email) implements Serializable {
    }

    public Setup setup(@NotNull Long runId, @NotNull Long positionId) {
        CertificateRun run = certificates.runFresh(runId).orElseThrow(() -> new NotFoundException("certificate.run.notFound"));
        ExamBatch batch = batches.find(run.getBatchId()).orElseThrow(() -> new NotFoundException("batch.notFound"));
        Position position = batch.getPositions().stream().filter(p -> p.getId().equals(positionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("certificate.position.notFound"));
        LocalDate passDate = certificates.passList(batch.getId()).map(PassList::getPublishedAt)
                .map(LocalDateTime::toLocalDate).orElse(LocalDate.now(clock));
        return new Setup(run.getId(), batch.getId(), batch.getName(), position.getId(), position.getCode(),
                position.getName(), batch.getSchedule().getExamStart().getYear(), run.getNumberRule(),
                run.getProvince(), passDate);
    }

    /**
     * The partitions of a run: every position of the run's batch, by id — the same plan on every (re)start, so a
     * restarted partition is the same position; a position with nothing left to number reads nothing.
     */
    public List<Long> positionsToNumber(@NotNull Long runId) {
        CertificateRun run = certificates.runFresh(runId).orElseThrow(() -> new NotFoundException("certificate.run.notFound"));
        ExamBatch batch = batches.find(run.getBatchId()).orElseThrow(() -> new NotFoundException("batch.notFound"));
        List<Long> positions = new ArrayList<>();
        batch.getPositions().forEach(p -> positions.add(p.getId()));
        positions.sort(null);
        return positions;
    }

    /** The position's passers still without a number, in ticket-number order (queried afresh at every (re)start). */
    public List<Passer> unnumbered(@NotNull Long batchId, @NotNull Long positionId) {
        List<Object[]> rows = certificates.unnumberedPassers(batchId, positionId);
        List<Passer> passers = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            passers.add(new Passer((Long) r[0], (Long) r[1], (String) r[2], (String) r[3]));
        }
        return passers;
    }

    /** The highest sequence number used in the (position, year) sequence of this rule, 0 if none. */
    public int highestUsed(CertificateNumberRule rule, int year, String positionCode) {
        return highestUsed(rule, year, positionCode, null);
    }

    /**
     * Like {@link #highestUsed(CertificateNumberRule, int, String)}, starting the search at {@code hint} (the last
     * number this writer wrote, or null). Always the table's truth: if the hint's chunk rolled back, nothing lies at
     * or above it and the whole sequence is searched; if another writer went further, its numbers are found.
     */
    int highestUsed(CertificateNumberRule rule, int year, String positionCode, String hint) {
        String prefix = rule.prefix(year, positionCode);
        int length = rule.length(year, positionCode);
        java.util.Optional<String> highest = java.util.Optional.empty();
        if (hint != null && rule.sequenceOf(hint, year, positionCode).isPresent()) {
            highest = certificates.highestNumberBetween(prefix, length, hint, rule.format(year, positionCode, rule.maxSequence()));
        }
        if (highest.isEmpty()) {
            highest = certificates.highestNumber(prefix, length);
        }
        return highest.map(n -> rule.sequenceOf(n, year, positionCode).orElse(0)).orElse(0);
    }

    /**
     * Numbers one chunk of a position's passers (see the class comment) and tells each of them; those numbered
     * meanwhile are skipped. {@code hint} is the last number the caller wrote (or null), where the search for the
     * sequence's highest number starts (see {@link #highestUsed(CertificateNumberRule, int, String, String)}).
     * Returns the last number this chunk wrote, or the hint if it wrote none.
     */
    public String numberChunk(@NotNull Setup setup, @NotNull List<Passer> passers, String hint) {
        if (passers.isEmpty()) {
            return hint;
        }
        certificates.lockPosition(setup.positionId());
        CertificateNumberRule rule = setup.rule();
        Set<Long> done = new HashSet<>(certificates.numberedTickets(setup.positionId(),
                passers.stream().map(Passer::ticketId).toList()));
        List<Passer> todo = passers.stream().filter(p -> !done.contains(p.ticketId())).toList();
        if (todo.isEmpty()) {
            return hint;
        }
        int highest = highestUsed(rule, setup.year(), setup.positionCode(), hint);
        rule.checkCapacity(setup.year(), setup.positionCode(), highest, todo.size());
        Numbering numbering = Numbering.continuing(highest, rule.maxSequence());
        List<String> codes = freshCodes(todo.size());
        LocalDateTime now = LocalDateTime.now(clock);
        List<Certificate> issued = new ArrayList<>(todo.size());
        for (int i = 0; i < todo.size(); i++) {
            Passer p = todo.get(i);
            issued.add(new Certificate(setup.batchId(), p.registrationId(), p.ticketId(), setup.positionId(),
                    rule.format(setup.year(), setup.positionCode(), numbering.next()), codes.get(i), setup.passDate(),
                    now, setup.runId()));
        }
        // one JDBC batch instead of a persist per certificate: the job's cost is then mostly the database's own
        certificates.insertAll(issued);
        tell(setup, todo, issued, now);
        if (setup.runId() != null) {
            certificates.addNumbered(setup.runId(), todo.size());
        }
        return issued.get(issued.size() - 1).getCertificateNo();
    }

    /**
     * The whole numbering of a batch in the caller's thread, one transaction per position's passers: for the demo
     * seed's few passers only (a real batch goes through the job, partitioned and restartable).
     */
    public int numberNow(@NotNull Long runId) {
        int numbered = 0;
        for (Long positionId : positionsToNumber(runId)) {
            Setup setup = setup(runId, positionId);
            List<Passer> passers = unnumbered(setup.batchId(), positionId);
            numberChunk(setup, passers, null);
            numbered += passers.size();
        }
        return numbered;
    }

    /** Records a failure the job met (shown on the page). */
    public void failed(@NotNull Long runId, @NotNull String errorKey) {
        certificates.failed(runId, errorKey);
    }

    /** {@code count} new verification codes, none taken and no two alike (a clash just draws again). */
    private List<String> freshCodes(int count) {
        Set<String> codes = new java.util.LinkedHashSet<>(count * 4 / 3 + 1);
        while (codes.size() < count) {
            while (codes.size() < count) {
                codes.add(VerificationCode.generate());
            }
            List<String> list = new ArrayList<>(codes);
            for (int from = 0; from < list.size(); from += 1000) {
                certificates.takenCodes(list.subList(from, Math.min(list.size(), from + 1000))).forEach(codes::remove);
            }
        }
        return new ArrayList<>(codes);
    }

    /** 证书已发放: an SMS and an e-mail per new certificate, in the chunk's transaction (the outbox), one batch. */
    private void tell(Setup setup, List<Passer> passers, List<Certificate> issued, LocalDateTime now) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < passers.size(); i++) {
            Passer p = passers.get(i);
            if (p.mobile() == null && p.email() == null) {
                continue;
            }
            String text = NotificationTexts.text("sms.certificateIssued", setup.batchName(),
                    setup.positionName(), issued.get(i).getCertificateNo(), DAY.format(setup.passDate()));
            if (p.mobile() != null) {
                messages.add(OutboxMessage.sms(p.mobile(), text, now));
            }
            if (p.email() != null) {
                messages.add(OutboxMessage.email(p.email(), NotificationTexts.text("email.certificateIssued.subject"),
                        text, now));
            }
        }
        notifications.queueAll(messages);
    }
}
