package org.kaowu.service;

import jakarta.ejb.EJB;
import jakarta.persistence.OptimisticLockException;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.audit.AuditAction;
import org.kaowu.domain.registration.RegistrationRepository;
import org.kaowu.exception.ConflictException;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.exam.BatchSchedule;
import org.kaowu.domain.exam.BatchSite;
import org.kaowu.domain.exam.BatchStatus;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamBatchRepository;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.exam.ExamSiteRepository;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.exam.PositionRepository;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Exam sites, positions and batches: what candidates can register for. */
@Stateless
public class ExamService {

    @Inject
    private ExamSiteRepository sites;
    @Inject
    private PositionRepository positions;
    @Inject
    private ExamBatchRepository batches;
    @Inject
    private Clock clock;
    @Inject
    private RegistrationRepository registrations;
    @Inject
    private StaffGuard guard;
    @EJB
    private AuditService audit;

    /** More seats than any site has rooms for is a typing error. */
    public static final int MAX_SEATS = 100_000;

    public ExamSite createSite(@NotNull @Valid ExamSite site) {
        if (sites.findByCode(site.getCode()).isPresent()) {
            throw new BusinessException("site.codeTaken", site.getCode());
        }
        return sites.persist(site);
    }

    public Position createPosition(@NotNull @Valid Position position) {
        if (positions.findByCode(position.getCode()).isPresent()) {
            throw new BusinessException("position.codeTaken", position.getCode());
        }
        return positions.persist(position);
    }

    public ExamBatch createBatch(@NotNull @Valid ExamBatch batch) {
        if (batches.findByCode(batch.getCode()).isPresent()) {
            throw new BusinessException("batch.codeTaken", batch.getCode());
        }
        requireConsistentSchedule(batch);
        return batches.persist(batch);
    }

    /** Lets a site take part in a batch with the given number of seats. */
    public BatchSite addSite(@NotNull Long batchId, @NotNull Long siteId, @Min(0) int seats) {
        ExamBatch batch = batch(batchId);
        ExamSite site = sites.find(siteId).orElseThrow(() -> new NotFoundException("site.notFound"));
        if (batches.findSite(batch, site).isPresent()) {
            throw new BusinessException("batch.siteAlreadyAdded", site.getName());
        }
        return batches.persist(new BatchSite(batch, site, seats));
    }

    public void addPosition(@NotNull Long batchId, @NotNull Long positionId) {
        ExamBatch batch = batch(batchId);
        Position position = positions.find(positionId).orElseThrow(() -> new NotFoundException("position.notFound"));
        batch.getPositions().add(position);
    }

    public void open(@NotNull Long batchId) {
        ExamBatch batch = batch(batchId);
        requireReadyToOpen(batch);
        batch.moveTo(BatchStatus.OPEN);
    }

    // ---- the admin portal: every method names the caller, checks the role and writes the audit log ----

    /** 考试批次 list for any staff member (dashboard and review filters need it), newest first. */
    public List<ExamBatch> allBatches(@NotNull String username) {
        guard.require(username, "batch.list", StaffRole.values());
        return batches.findAll("schedule.registrationStart desc");
    }

    public BatchForm batchForm(@NotNull String username, @NotNull Long batchId) {
        guard.require(username, "batch.edit", StaffRole.PROVINCE_ADMIN);
        return BatchForm.of(batch(batchId));
    }

    /**
     * Creates a batch (草稿) or changes one. Every date is checked together (a batch never holds a contradictory
     * schedule, even a draft); a form loaded before somebody else's save is refused.
     */
    public ExamBatch saveBatch(@NotNull String username, @NotNull BatchForm form) {
        guard.require(username, "batch.save", StaffRole.PROVINCE_ADMIN);
        String name = form.getName() == null ? null : form.getName().strip();
        if (name == null || name.isEmpty()) {
            throw new BusinessException("batch.nameRequired");
        }
        if (name.length() > ExamBatch.NAME_LENGTH) {
            throw new BusinessException("batch.nameTooLong", ExamBatch.NAME_LENGTH);
        }
        String sessions = form.getExamSessions() == null ? null : form.getExamSessions().strip();
        if (sessions != null && sessions.length() > ExamBatch.SESSIONS_LENGTH) {
            throw new BusinessException("batch.sessionsTooLong", ExamBatch.SESSIONS_LENGTH);
        }
        BatchSchedule schedule = form.schedule();
        List<String> problems = schedule.problems();
        if (!problems.isEmpty()) {
            throw new BusinessException(problems.get(0));
        }
        if (form.isNew()) {
            String code = form.getCode() == null ? "" : form.getCode().strip().toUpperCase(java.util.Locale.ROOT);
            if (!code.matches("[0-9A-Z]{1," + ExamBatch.CODE_LENGTH + "}")) {
                throw new BusinessException("batch.codeInvalid", ExamBatch.CODE_LENGTH);
            }
            ExamBatch batch = new ExamBatch(code, name, schedule);
            batch.setExamSessions(sessions);
            createBatch(batch);
            audit.record(username, AuditAction.BATCH_CREATE, "batch", batch.getId(), code + " " + name, null,
                    describe(batch));
            return batch;
        }
        ExamBatch batch = batch(form.getId());
        requireVersion(batch.getVersion(), form.getVersion());
        if (!batch.isEditable()) {
            throw new BusinessException("batch.archived");
        }
        String before = describe(batch);
        batch.setName(name);
        batch.setExamSessions(sessions);
        batch.setSchedule(schedule);
        flush();
        audit.record(username, AuditAction.BATCH_UPDATE, "batch", batch.getId(), batch.getCode() + " " + name,
                before, describe(batch));
        return batch;
    }

    /** 开放报名 / 关闭 / 归档. */
    public ExamBatch moveBatch(@NotNull String username, @NotNull Long batchId, int version,
                               @NotNull BatchStatus target) {
        guard.require(username, "batch.status", StaffRole.PROVINCE_ADMIN);
        ExamBatch batch = batch(batchId);
        requireVersion(batch.getVersion(), version);
        BatchStatus before = batch.getStatus();
        if (target == BatchStatus.OPEN) {
            requireReadyToOpen(batch);
        }
        batch.moveTo(target);
        flush();
        AuditAction action = switch (target) {
            case OPEN -> AuditAction.BATCH_OPEN;
            case CLOSED -> AuditAction.BATCH_CLOSE;
            default -> AuditAction.BATCH_ARCHIVE;
        };
        audit.record(username, action, "batch", batch.getId(), batch.getCode(), before.name(), target.name());
        return batch;
    }

    /** A site's seats in a batch: adds the site, or changes its seats (never below the seats already taken). */
    public BatchSite setSeats(@NotNull String username, @NotNull Long batchId, @NotNull Long siteId, int seats) {
        guard.require(username, "batch.site", StaffRole.PROVINCE_ADMIN);
        ExamBatch batch = batch(batchId);
        if (!batch.isEditable()) {
            throw new BusinessException("batch.archived");
        }
        if (seats < 0 || seats > MAX_SEATS) {
            throw new BusinessException("batch.seatsRange", MAX_SEATS);
        }
        ExamSite site = sites.find(siteId).orElseThrow(() -> new NotFoundException("site.notFound"));
        BatchSite batchSite = batches.findSite(batch, site).orElse(null);
        if (batchSite == null) {
            batchSite = batches.persist(new BatchSite(batch, site, seats));
            audit.record(username, AuditAction.BATCH_SITE, "batch", batch.getId(), batch.getCode() + " + " + site.getName(),
                    null, "seats=" + seats);
            return batchSite;
        }
        int taken = registrations.seatsTaken(batchSite.getId());
        if (seats < taken) {
            throw new BusinessException("batch.seatsBelowTaken", site.getName(), taken);
        }
        int before = batchSite.getSeats();
        batchSite.setSeats(seats);
        flush();
        audit.record(username, AuditAction.BATCH_SITE, "batch", batch.getId(), batch.getCode() + " " + site.getName(),
                "seats=" + before, "seats=" + seats);
        return batchSite;
    }

    /** Takes a site out of a batch, while nobody has registered there. */
    public void removeSite(@NotNull String username, @NotNull Long batchId, @NotNull Long siteId) {
        guard.require(username, "batch.site", StaffRole.PROVINCE_ADMIN);
        ExamBatch batch = batch(batchId);
        ExamSite site = sites.find(siteId).orElseThrow(() -> new NotFoundException("site.notFound"));
        BatchSite batchSite = batches.findSite(batch, site).orElseThrow(() -> new NotFoundException("site.notFound"));
        if (registrations.anyAt(batchSite.getId())) {
            throw new BusinessException("batch.siteInUse", site.getName());
        }
        batches.remove(batchSite);
        audit.record(username, AuditAction.BATCH_SITE, "batch", batch.getId(), batch.getCode() + " - " + site.getName(),
                "seats=" + batchSite.getSeats(), null);
    }

    /** The positions a batch offers; one that candidates already chose cannot be taken away. */
    public ExamBatch setPositions(@NotNull String username, @NotNull Long batchId, int version,
                                  @NotNull Set<Long> positionIds) {
        guard.require(username, "batch.positions", StaffRole.PROVINCE_ADMIN);
        ExamBatch batch = batch(batchId);
        requireVersion(batch.getVersion(), version);
        if (!batch.isEditable()) {
            throw new BusinessException("batch.archived");
        }
        Set<Position> chosen = new LinkedHashSet<>();
        for (Long id : positionIds) {
            chosen.add(positions.find(id).orElseThrow(() -> new NotFoundException("position.notFound")));
        }
        for (Position current : batch.getPositions()) {
            if (!chosen.contains(current) && registrations.anyFor(batch.getId(), current.getId())) {
                throw new BusinessException("batch.positionInUse", current.getName());
            }
        }
        String before = codes(batch.getPositions());
        batch.getPositions().clear();
        batch.getPositions().addAll(chosen);
        batches.forceNewVersion(batch);
        flush();
        audit.record(username, AuditAction.BATCH_POSITIONS, "batch", batch.getId(), batch.getCode(), before,
                codes(chosen));
        return batch;
    }

    /** 考点 list, by code (every staff member may read it: filters and dashboards name sites). */
    public List<ExamSite> allSites(@NotNull String username) {
        guard.require(username, "site.list", StaffRole.values());
        return sites.findAll("code");
    }

    /** 岗位 list, by code. */
    public List<Position> allPositions(@NotNull String username) {
        guard.require(username, "position.list", StaffRole.values());
        return positions.findAll("code");
    }

    /** Creates a site (no id) or changes one (code stays); a stale form is refused. */
    public ExamSite saveSite(@NotNull String username, @NotNull @Valid ExamSite form) {
        guard.require(username, "site.save", StaffRole.PROVINCE_ADMIN);
        if (form.getId() == null) {
            ExamSite site = createSite(new ExamSite(form.getCode(), form.getName().strip(), form.getAddress().strip())
                    .withContact(form.getContact(), form.getPhone()));
            audit.record(username, AuditAction.SITE_CREATE, "site", site.getId(), site.getCode() + " " + site.getName(),
                    null, describe(site));
            return site;
        }
        ExamSite site = sites.find(form.getId()).orElseThrow(() -> new NotFoundException("site.notFound"));
        requireVersion(site.getVersion(), form.getVersion());
        String before = describe(site);
        site.setName(form.getName().strip());
        site.setAddress(form.getAddress().strip());
        site.withContact(form.getContact(), form.getPhone());
        flush();
        audit.record(username, AuditAction.SITE_UPDATE, "site", site.getId(), site.getCode() + " " + site.getName(),
                before, describe(site));
        return site;
    }

    /** Creates a position (no id) or changes its name, fee and pass line; a stale form is refused. */
    public Position savePosition(@NotNull String username, @NotNull @Valid Position form) {
        guard.require(username, "position.save", StaffRole.PROVINCE_ADMIN);
        if (form.getId() == null) {
            Position position = createPosition(new Position(form.getCode(), form.getName().strip(), form.getFee(),
                    form.getPassLine()));
            audit.record(username, AuditAction.POSITION_CREATE, "position", position.getId(),
                    position.getCode() + " " + position.getName(), null, describe(position));
            return position;
        }
        Position position = positions.find(form.getId()).orElseThrow(() -> new NotFoundException("position.notFound"));
        requireVersion(position.getVersion(), form.getVersion());
        String before = describe(position);
        position.setName(form.getName().strip());
        position.setFee(form.getFee());
        position.setPassLine(form.getPassLine());
        flush();
        audit.record(username, AuditAction.POSITION_UPDATE, "position", position.getId(),
                position.getCode() + " " + position.getName(), before, describe(position));
        return position;
    }

    /** The loaded version must still be the current one (optimistic locking, checked before any change). */
    static void requireVersion(int current, int loaded) {
        if (current != loaded) {
            throw new ConflictException();
        }
    }

    /** Writes now, so that a concurrent change (the @Version check) surfaces as a clear conflict. */
    private void flush() {
        try {
            batches.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException();
        }
    }

    private void requireReadyToOpen(ExamBatch batch) {
        requireConsistentSchedule(batch);
        if (batches.findSites(batch).isEmpty()) {
            throw new BusinessException("batch.openNeedsSites");
        }
        if (batch.getPositions().isEmpty()) {
            throw new BusinessException("batch.openNeedsPositions");
        }
    }

    private static String codes(Set<Position> list) {
        return String.join(",", list.stream().map(Position::getCode).toList());
    }

    private static String describe(ExamBatch b) {
        BatchSchedule s = b.getSchedule();
        return "name=" + b.getName() + "; registration=" + s.getRegistrationStart() + ".." + s.getRegistrationEnd()
                + "; reviewEnd=" + s.getReviewEnd() + "; paymentEnd=" + s.getPaymentEnd() + "; exam="
                + s.getExamStart() + ".." + s.getExamEnd() + "; tickets=" + s.getTicketPrintStart() + ".."
                + s.getTicketPrintEnd() + "; scores=" + s.getScorePublishAt() + "; certificates="
                + s.getCertificateIssueAt() + "; sessions=" + b.getExamSessions();
    }

    private static String describe(ExamSite s) {
        return "name=" + s.getName() + "; address=" + s.getAddress() + "; contact=" + s.getContact() + "; phone="
                + s.getPhone();
    }

    private static String describe(Position p) {
        return "name=" + p.getName() + "; fee=" + p.getFee() + "; passLine=" + p.getPassLine();
    }

    public ExamBatch batch(@NotNull Long batchId) {
        return batches.find(batchId).orElseThrow(() -> new NotFoundException("batch.notFound"));
    }

    public Optional<ExamBatch> findBatchByCode(String code) {
        return batches.findByCode(code);
    }

    public Optional<ExamSite> findSiteByCode(String code) {
        return sites.findByCode(code);
    }

    public Optional<Position> findPositionByCode(String code) {
        return positions.findByCode(code);
    }

    public List<ExamBatch> batchesOpenForRegistration() {
        return batches.findOpenForRegistration(LocalDateTime.now(clock));
    }

    public List<BatchSite> sitesOf(@NotNull Long batchId) {
        return batches.findSites(batch(batchId));
    }

    private static void requireConsistentSchedule(ExamBatch batch) {
        List<String> problems = batch.getSchedule().problems();
        if (!problems.isEmpty()) {
            throw new BusinessException(problems.get(0));
        }
    }
}
