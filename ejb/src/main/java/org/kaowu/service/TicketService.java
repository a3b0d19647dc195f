package org.kaowu.service;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kaowu.domain.account.StaffAccount;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.audit.AuditAction;
import org.kaowu.domain.candidate.CandidateRepository;
import org.kaowu.domain.candidate.IdNumber;
import org.kaowu.domain.exam.BatchSchedule;
import org.kaowu.domain.exam.BatchSite;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamBatchRepository;
import org.kaowu.domain.exam.ExamRoom;
import org.kaowu.domain.exam.ExamRoomRepository;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.registration.Registration;
import org.kaowu.domain.registration.RegistrationRepository;
import org.kaowu.domain.registration.RegistrationStatus;
import org.kaowu.domain.ticket.AdmissionTicket;
import org.kaowu.domain.ticket.AdmissionTicketRepository;
import org.kaowu.domain.ticket.Placement;
import org.kaowu.domain.ticket.Room;
import org.kaowu.domain.ticket.SeatAllocator;
import org.kaowu.domain.ticket.TicketNumberRule;
import org.kaowu.domain.ticket.TicketSetup;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;
import org.kaowu.pdf.AdmissionTicketPdf;
import org.kaowu.pdf.PdfFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * 准考证 (manual section 5): the ticket-number rule of a batch, seat allocation per site, the completeness
 * check, 发布准考证, the room download for sites, and the candidate's own ticket inside the print window.
 * <p>
 * Allocation is a plain service call per site ({@link #allocateSite}, its own transaction, the batch row
 * locked), driven site by site by {@link TicketAllocationRunner}: synchronously for the demo seed and tests,
 * asynchronously with a progress bar from the admin page. Before publication a redo deletes a site's tickets
 * and allocates them again in the same transaction; after it, allocation only adds (late approvals).
 */
@Stateless
public class TicketService {

    /** Rows written between flushes: the JDBC batch size is 500, so two batches per flush. */
    static final int CHUNK = 1_000;
    /** How many missing registrations the completeness check lists by name. */
    public static final int MISSING_LISTED = 50;

    private static final Logger LOG = Logger.getLogger(TicketService.class.getName());
    private static final StaffRole[] ADMINS = {StaffRole.PROVINCE_ADMIN, StaffRole.SITE_ADMIN};
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter EXAM_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日（EEEE）", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final List<String> RULES = loadRules();

    @Inject
    private AdmissionTicketRepository tickets;
    @Inject
    private ExamRoomRepository rooms;
    @Inject
    private ExamBatchRepository batches;
    @Inject
    private RegistrationRepository registrations;
    @Inject
    private CandidateRepository candidates;
    @Inject
    private StaffGuard guard;
    @Inject
    private Clock clock;
    @Inject
    private AllocationProgress progress;
    @Inject
    private AdmissionTicketPdf pdf;
    @EJB
    private AuditService audit;
    @EJB
    private NotificationService notifications;
    @EJB
    private TicketAllocationRunner runner;

    /** The rule of batches that have none of their own (MicroProfile Config, e.g. a JVM option). */
    @Inject
    @ConfigProperty(name = "kaowu.ticket.rule", defaultValue = TicketNumberRule.DEFAULT_PATTERN)
    private String defaultRule;

    // ---------------------------------------------------------------- records for the pages

    /** One site of the batch on the admin page. */
    public record SiteLine(Long siteId, String code, String name, long approved, long placed, int rooms, int seats)
            implements Serializable {
        public long getMissing() { return approved - placed; }
    }

    /** One room of the batch: its use, and whether its download (sign-in sheet and tickets) has anything. */
    public record RoomLine(Long roomId, Long siteId, String siteCode, int roomNo, String label, int seats, long tickets)
            implements Serializable {
        public boolean isOverCapacity() { return tickets > seats; }
    }

    /** A registration that has no ticket although it is approved. */
    public record Missing(String registrationNo, String name, String siteCode, String siteName) implements Serializable {
    }

    /** 完整性检查: what stands between this batch and printing. */
    public record Completeness(long approved, long ticketed, long missing, List<Missing> missingListed,
                               List<RoomLine> overCapacity, long stale, List<String> sitesWithoutRooms)
            implements Serializable {
        public boolean isComplete() {
            return missing == 0 && overCapacity.isEmpty() && stale == 0;
        }
    }

    /** The admin page of one batch. */
    public record Overview(Long batchId, String batchCode, String batchName, LocalDateTime printStart,
                           LocalDateTime printEnd, String ownRule, String effectiveRule, String ruleProblem,
                           LocalDateTime publishedAt, String publishedBy, List<SiteLine> sites, List<RoomLine> rooms,
                           Completeness completeness) implements Serializable {
        public boolean isPublished() { return publishedAt != null; }
    }

    /** What one site's allocation did. */
    public record SiteAllocation(Long siteId, int placed, List<Long> unplaced, int removed) implements Serializable {
    }

    /** What {@link #prepareAllocation} found: the sites to go through and how many tickets that should write. */
    public record AllocationPlan(List<Long> siteIds, long toPlace) implements Serializable {
    }

    /** Where the candidate stands with one approved registration's ticket. */
    public enum TicketState {
        /** the print window has not opened yet */
        NOT_YET,
        /** the window is open but the tickets are not published (or this one is still missing) */
        PREPARING,
        /** printable now */
        OPEN,
        /** the window has closed */
        CLOSED
    }

    /** 准考证打印 list: one line per approved registration. */
    public record MyTicket(Long registrationId, String batchName, LocalDateTime printStart, LocalDateTime printEnd,
                           TicketState state, Long ticketId, String ticketNo) implements Serializable {
    }

    // ---------------------------------------------------------------- admin: overview and rule

    public Overview overview(@NotNull String username, @NotNull Long batchId) {
        StaffAccount staff = guard.require(username, "ticket.overview", ADMINS);
        Long scope = StaffGuard.siteScope(staff);
        ExamBatch batch = batch(batchId);
        TicketSetup setup = tickets.setup(batchId).orElse(null);
        String own = setup == null ? null : setup.getNumberRule();
        String effective = own == null ? defaultRule : own;
        String problem = null;
        try {
            TicketNumberRule.of(effective);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        List<SiteLine> siteLines = new ArrayList<>();
        List<RoomLine> roomLines = new ArrayList<>();
        Map<Long, long[]> use = tickets.roomUse(batchId);
        for (BatchSite bs : batches.findSites(batch)) {
            ExamSite site = bs.getSite();
            if (scope != null && !scope.equals(site.getId())) {
                continue;
            }
            List<ExamRoom> siteRooms = rooms.ofSite(site.getId());
            int seats = 0;
            long placed = 0;
            for (ExamRoom room : siteRooms) {
                seats += room.getSeats();
                long used = use.getOrDefault(room.getId(), new long[2])[0];
                placed += used;
                roomLines.add(new RoomLine(room.getId(), site.getId(), site.getCode(), room.getRoomNo(), room.getLabel(),
                        room.getSeats(), used));
            }
            siteLines.add(new SiteLine(site.getId(), site.getCode(), site.getName(),
                    tickets.countApproved(batchId, site.getId()), placed, siteRooms.size(), seats));
        }
        return new Overview(batch.getId(), batch.getCode(), batch.getName(), batch.getSchedule().getTicketPrintStart(),
                batch.getSchedule().getTicketPrintEnd(), own, effective, problem,
                setup == null ? null : setup.getPublishedAt(), setup == null ? null : setup.getPublishedBy(),
                siteLines, roomLines, completeness(batch, scope, siteLines, roomLines));
    }

    /** 完整性检查 on its own (the overview includes it). */
    public Completeness completeness(@NotNull String username, @NotNull Long batchId) {
        return overview(username, batchId).completeness();
    }

    private Completeness completeness(ExamBatch batch, Long scope, List<SiteLine> sites, List<RoomLine> roomLines) {
        long approved = sites.stream().mapToLong(SiteLine::approved).sum();
        long missing = tickets.countWithoutTicket(batch.getId(), scope);
        List<Missing> listed = tickets.withoutTicket(batch.getId(), scope, MISSING_LISTED).stream()
                .map(row -> new Missing((String) row[0], (String) row[1], (String) row[2], (String) row[3])).toList();
        // a room is over capacity when it holds more tickets than seats or a seat beyond its seats (shrunk since)
        Map<Long, long[]> use = tickets.roomUse(batch.getId());
        List<RoomLine> over = roomLines.stream().filter(r -> {
            long[] u = use.get(r.roomId());
            return u != null && (u[0] > r.seats() || u[1] > r.seats());
        }).toList();
        List<String> noRooms = sites.stream().filter(s -> s.rooms() == 0 && s.approved() > 0)
                .map(s -> s.code() + " " + s.name()).toList();
        return new Completeness(approved, approved - missing, missing, listed, over,
                tickets.countStale(batch.getId(), scope), noRooms);
    }

    /**
     * The batch's own ticket-number rule; blank means the configured default. Checked here, so a bad pattern is
     * a message on the page, never a failure at allocation. Only while the batch has no tickets: numbers
     * already given out would otherwise follow two rules.
     */
    public void saveRule(@NotNull String username, @NotNull Long batchId, String pattern) {
        StaffAccount staff = guard.require(username, "ticket.rule", StaffRole.PROVINCE_ADMIN);
        String rule = pattern == null || pattern.isBlank() ? null : pattern.strip();
        if (rule != null) {
            if (rule.length() > TicketSetup.RULE_LENGTH) {
                throw new BusinessException("ticket.rule.tooLong", TicketSetup.RULE_LENGTH);
            }
            ruleOf(rule);
        }
        lock(batchId);
        if (tickets.count(batchId, null) > 0) {
            throw new BusinessException("ticket.rule.locked");
        }
        TicketSetup setup = tickets.setupOrNew(batchId);
        String before = setup.getNumberRule();
        setup.setNumberRule(rule);
        tickets.flush();
        audit.record(staff.getUsername(), AuditAction.TICKET_RULE, "batch", batchId, "准考证号规则",
                before == null ? "(默认) " + defaultRule : before, rule == null ? "(默认) " + defaultRule : rule);
    }

    // ---------------------------------------------------------------- admin: allocation

    /**
     * Checks that the batch can be allocated now and says which sites to go through. Refuses a redo after
     * publication, a bad rule, and (on this server) a second run while one is going on.
     */
    public AllocationPlan prepareAllocation(@NotNull String username, @NotNull Long batchId, boolean redo) {
        guard.require(username, "ticket.allocate", StaffRole.PROVINCE_ADMIN);
        ExamBatch batch = batch(batchId);
        TicketSetup setup = tickets.setup(batchId).orElse(null);
        if (redo && setup != null && setup.isPublished()) {
            throw new BusinessException("ticket.redo.published");
        }
        ruleOf(setup == null || setup.getNumberRule() == null ? defaultRule : setup.getNumberRule());
        List<Long> siteIds = batches.findSites(batch).stream().map(bs -> bs.getSite().getId()).toList();
        long toPlace = redo ? tickets.countApproved(batchId, null) : tickets.countWithoutTicket(batchId, null);
        return new AllocationPlan(siteIds, toPlace);
    }

    /** 编排考场 from the admin page: checks now, then allocates in the background; progress via {@link #progress}. */
    public void startAllocation(@NotNull String username, @NotNull Long batchId, boolean redo) {
        AllocationPlan plan = prepareAllocation(username, batchId, redo);
        progress.begin(batchId, redo, plan.siteIds().size(), plan.toPlace());
        runner.runAsync(username, batchId, plan, redo);
    }

    public AllocationProgress.Snapshot progress(@NotNull String username, @NotNull Long batchId) {
        guard.require(username, "ticket.overview", ADMINS);
        return progress.snapshot(batchId);
    }

    /**
     * Seats the approved registrations of one site of the batch, in a transaction of its own with the batch row
     * locked. Without {@code redo} only registrations without a ticket are placed, on free seats, and nobody
     * moves; with it (only before publication) the site's tickets are deleted and made anew. After
     * publication the newly placed candidates are told that their ticket can be printed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SiteAllocation allocateSite(@NotNull String username, @NotNull Long batchId, @NotNull Long siteId,
                                       boolean redo) {
        StaffAccount staff = guard.require(username, "ticket.allocate", StaffRole.PROVINCE_ADMIN);
        ExamBatch batch = lock(batchId);
        TicketSetup setup = tickets.setupOrNew(batchId);
        if (redo && setup.isPublished()) {
            throw new BusinessException("ticket.redo.published");
        }
        TicketNumberRule rule = ruleOf(setup.getNumberRule() == null ? defaultRule : setup.getNumberRule());
        BatchSite batchSite = batches.findSites(batch).stream().filter(bs -> bs.getSite().getId().equals(siteId))
                .findFirst().orElseThrow(() -> new NotFoundException("ticket.siteNotInBatch"));
        ExamSite site = batchSite.getSite();
        int year = batch.getSchedule().getExamStart().getYear();
        String batchCode = batch.getCode();
        String siteCode = site.getCode();
        boolean published = setup.isPublished();
        LocalDateTime now = LocalDateTime.now(clock);

        int removed = redo ? tickets.deleteAtSite(batchId, siteId) : 0;
        List<ExamRoom> siteRooms = rooms.ofSite(siteId);
        Map<Long, Integer> roomNumbers = new HashMap<>();
        List<Room> allocatorRooms = new ArrayList<>(siteRooms.size());
        for (ExamRoom room : siteRooms) {
            roomNumbers.put(room.getId(), room.getRoomNo());
            allocatorRooms.add(room.toRoom());
        }
        List<Placement> existing = redo ? List.of() : tickets.placementsAtSite(batchId, siteId);
        List<Long> approved = tickets.approvedAtSite(batchId, siteId);
        SeatAllocator.Allocation allocation = new SeatAllocator().allocate(allocatorRooms, existing, approved);

        // numbers first, all of them: a rule that does not fit fails before anything is written
        List<String> numbers = new ArrayList<>(allocation.placed().size());
        Set<String> seen = new HashSet<>(allocation.placed().size() * 2);
        for (Placement p : allocation.placed()) {
            String number;
            try {
                number = rule.format(year, batchCode, siteCode, roomNumbers.get(p.roomId()), p.seatNo());
            } catch (IllegalArgumentException e) {
                throw new BusinessException("ticket.rule.doesNotFit", rule.pattern(), e.getMessage());
            }
            if (number.length() > AdmissionTicket.NUMBER_LENGTH) {
                throw new BusinessException("ticket.rule.tooLongNumber", rule.pattern(), AdmissionTicket.NUMBER_LENGTH);
            }
            if (!seen.add(number)) {
                throw new BusinessException("ticket.rule.notUnique", rule.pattern());
            }
            numbers.add(number);
        }
        List<Long> placedIds = new ArrayList<>(allocation.placed().size());
        try {
            for (int i = 0; i < allocation.placed().size(); i++) {
                Placement p = allocation.placed().get(i);
                tickets.add(new AdmissionTicket(batchId, p, numbers.get(i), now));
                placedIds.add(p.registrationId());
                if ((i + 1) % CHUNK == 0) {
                    tickets.flush();
                    tickets.clear();
                    progress.written(batchId, CHUNK);
                }
            }
            tickets.flush();
            progress.written(batchId, allocation.placed().size() % CHUNK);
        } catch (PersistenceException e) {
            // a number another site or batch already holds (a rule without {site} or {batch}), or a concurrent run
            LOG.warning(() -> "allocation of batch " + batchCode + " site " + siteCode + " failed: " + e);
            throw new BusinessException("ticket.rule.notUnique", rule.pattern());
        }
        if (published && !placedIds.isEmpty()) {
            ExamBatch fresh = batch(batchId);
            for (int from = 0; from < placedIds.size(); from += CHUNK) {
                for (Object[] h : tickets.holders(batchId, placedIds.subList(from, Math.min(placedIds.size(), from + CHUNK)))) {
                    tellReady((String) h[1], (String) h[2], (String) h[3], (String) h[4], fresh.getSchedule());
                }
            }
        }
        audit.record(staff.getUsername(), AuditAction.TICKET_ALLOCATE, "batch", batchId,
                batchCode + " " + siteCode + (redo ? " 重新编排" : " 编排考场"),
                redo ? "removed=" + removed : "placed before=" + existing.size(),
                "placed=" + allocation.placed().size() + "; unplaced=" + allocation.unplaced().size());
        return new SiteAllocation(siteId, allocation.placed().size(), allocation.unplaced().stream().limit(1000).toList(),
                removed);
    }

    /**
     * 发布准考证: only when the completeness check passes. Tells every ticket holder when printing opens. One
     * way: afterwards allocation only adds late approvals (and tells them).
     */
    public void publish(@NotNull String username, @NotNull Long batchId) {
        StaffAccount staff = guard.require(username, "ticket.publish", StaffRole.PROVINCE_ADMIN);
        ExamBatch batch = lock(batchId);
        TicketSetup setup = tickets.setupOrNew(batchId);
        if (setup.isPublished()) {
            throw new BusinessException("ticket.alreadyPublished", DAY_TIME.format(setup.getPublishedAt()));
        }
        long count = tickets.count(batchId, null);
        if (count == 0) {
            throw new BusinessException("ticket.nothingToPublish");
        }
        List<BatchSite> sites = batches.findSites(batch);
        List<SiteLine> lines = new ArrayList<>();
        List<RoomLine> roomLines = new ArrayList<>();
        Map<Long, long[]> use = tickets.roomUse(batchId);
        for (BatchSite bs : sites) {
            List<ExamRoom> siteRooms = rooms.ofSite(bs.getSite().getId());
            for (ExamRoom room : siteRooms) {
                roomLines.add(new RoomLine(room.getId(), bs.getSite().getId(), bs.getSite().getCode(), room.getRoomNo(),
                        room.getLabel(), room.getSeats(), use.getOrDefault(room.getId(), new long[2])[0]));
            }
            lines.add(new SiteLine(bs.getSite().getId(), bs.getSite().getCode(), bs.getSite().getName(),
                    tickets.countApproved(batchId, bs.getSite().getId()), 0, siteRooms.size(), 0));
        }
        Completeness check = completeness(batch, null, lines, roomLines);
        if (!check.isComplete()) {
            throw new BusinessException("ticket.incomplete", check.missing(), check.overCapacity().size(), check.stale());
        }
        setup.publish(staff.getUsername(), LocalDateTime.now(clock));
        tickets.flush();
        for (Object[] h : tickets.allHolders(batchId)) {
            tellReady((String) h[0], (String) h[1], (String) h[2], (String) h[3], batch.getSchedule());
        }
        audit.record(staff.getUsername(), AuditAction.TICKET_PUBLISH, "batch", batchId,
                batch.getCode() + " 发布准考证", null, "tickets=" + count);
    }

    /**
     * 考场签到表 and all the room's tickets in one PDF, for the room's site only (another site's room is "not
     * found", and the attempt is logged). The download holds personal data, so it is logged.
     */
    public byte[] roomPdf(@NotNull String username, @NotNull Long batchId, @NotNull Long roomId) {
        StaffAccount staff = guard.require(username, "ticket.roomPdf", ADMINS);
        ExamRoom room = rooms.find(roomId).orElseThrow(() -> new NotFoundException("ticket.room.notFound"));
        Long scope = StaffGuard.siteScope(staff);
        if (scope != null && !scope.equals(room.getSite().getId())) {
            guard.deny(staff.getUsername(), "room tickets of another site", roomId);
            throw new NotFoundException("ticket.room.notFound");
        }
        ExamBatch batch = batch(batchId);
        List<AdmissionTicket> seated = tickets.ofRoom(batchId, roomId);
        if (seated.isEmpty()) {
            throw new BusinessException("ticket.room.empty");
        }
        List<AdmissionTicketPdf.SignInRow> rows = new ArrayList<>();
        List<AdmissionTicketPdf.Ticket> pages = new ArrayList<>();
        for (AdmissionTicket t : seated) {
            Registration r = t.getRegistration();
            byte[] photo = r.getSnapPhoto();
            rows.add(new AdmissionTicketPdf.SignInRow(t.getSeatLabel(), photo, r.getSnapName(),
                    IdNumber.mask(r.getCandidate().getIdNumber()), t.getTicketNo()));
            pages.add(view(t, r, room, batch).toPdf());
        }
        BatchSchedule s = batch.getSchedule();
        byte[] sheet = pdf.signInSheet(new AdmissionTicketPdf.SignInSheet(batch.getName(), room.getSite().getName(),
                room.getLabel(), EXAM_DAY.format(s.getExamStart()) + " " + TIME.format(s.getExamStart()) + "–"
                + TIME.format(s.getExamEnd()), rows));
        byte[] all = PdfFiles.concat(List.of(sheet, pdf.renderAll(pages)));
        audit.record(staff.getUsername(), AuditAction.EXPORT, "room", roomId,
                batch.getCode() + " " + room.getSite().getCode() + " " + room.getLabel() + " 签到表和准考证 "
                        + seated.size() + " 人", null, null);
        return all;
    }

    /** The ticket number of a registration (null when it has none), e.g. for the review page. */
    public String ticketNumberOf(@NotNull String username, @NotNull Long registrationId) {
        StaffAccount staff = guard.require(username, "ticket.number", ADMINS);
        Registration r = registrations.find(registrationId).orElseThrow(() -> new NotFoundException("registration.notFound"));
        Long scope = StaffGuard.siteScope(staff);
        if (scope != null && !scope.equals(r.getBatchSite().getSite().getId())) {
            guard.deny(staff.getUsername(), "ticket of another site", registrationId);
            throw new NotFoundException("registration.notFound");
        }
        return tickets.forRegistration(registrationId).map(AdmissionTicket::getTicketNo).orElse(null);
    }

    // ---------------------------------------------------------------- candidate

    /** 准考证打印: the caller's approved registrations and where each ticket stands. */
    public List<MyTicket> mine(@NotNull String idNumber) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<MyTicket> lines = new ArrayList<>();
        for (Registration r : registrations.findByCandidate(candidate(idNumber))) {
            if (r.getStatus() != RegistrationStatus.APPROVED) {
                continue;
            }
            BatchSchedule s = r.getBatch().getSchedule();
            AdmissionTicket ticket = tickets.forRegistration(r.getId()).orElse(null);
            boolean published = tickets.setup(r.getBatch().getId()).map(TicketSetup::isPublished).orElse(false);
            TicketState state = now.isBefore(s.getTicketPrintStart()) ? TicketState.NOT_YET
                    : !now.isBefore(s.getTicketPrintEnd()) ? TicketState.CLOSED
                    : published && ticket != null ? TicketState.OPEN : TicketState.PREPARING;
            boolean open = state == TicketState.OPEN;
            lines.add(new MyTicket(r.getId(), r.getBatch().getName(), s.getTicketPrintStart(), s.getTicketPrintEnd(),
                    state, open ? ticket.getId() : null, open ? ticket.getTicketNo() : null));
        }
        return lines;
    }

    /**
     * The caller's own ticket, only while it can be printed: another candidate's or an unknown id is "not
     * found"; outside the window or before publication the refusal says when printing opens.
     */
    public TicketView ticket(@NotNull String idNumber, @NotNull Long ticketId) {
        AdmissionTicket t = tickets.findOwned(ticketId, idNumber)
                .orElseThrow(() -> new NotFoundException("ticket.notFound"));
        Registration r = t.getRegistration();
        ExamBatch batch = r.getBatch();
        BatchSchedule s = batch.getSchedule();
        LocalDateTime now = LocalDateTime.now(clock);
        if (r.getStatus() != RegistrationStatus.APPROVED) {
            throw new NotFoundException("ticket.notFound");
        }
        if (now.isBefore(s.getTicketPrintStart())) {
            throw new BusinessException("ticket.notYet", DAY_TIME.format(s.getTicketPrintStart()));
        }
        if (!now.isBefore(s.getTicketPrintEnd())) {
            throw new BusinessException("ticket.windowClosed", DAY_TIME.format(s.getTicketPrintEnd()));
        }
        if (!tickets.setup(batch.getId()).map(TicketSetup::isPublished).orElse(false)) {
            throw new BusinessException("ticket.preparing");
        }
        return view(t, r, t.getRoom(), batch);
    }

    /** 保存报表: the caller's ticket as a PDF (same checks as {@link #ticket}). */
    public byte[] ticketPdf(@NotNull String idNumber, @NotNull Long ticketId) {
        return pdf.render(ticket(idNumber, ticketId).toPdf());
    }

    // ---------------------------------------------------------------- helpers

    private TicketView view(AdmissionTicket t, Registration r, ExamRoom room, ExamBatch batch) {
        BatchSchedule s = batch.getSchedule();
        ExamSite site = r.getBatchSite().getSite();
        List<String> sessions = batch.sessionLines().isEmpty()
                ? List.of(TIME.format(s.getExamStart()) + "–" + TIME.format(s.getExamEnd())) : batch.sessionLines();
        return new TicketView(t.getId(), t.getTicketNo(), batch.getName(), r.getSnapName(),
                r.getCandidate().getIdNumber(), r.getSnapPhoto(),
                r.getPositions().stream().map(p -> p.getCode() + " " + p.getName()).toList(), site.getName(),
                site.getAddress(), room.getLabel(), t.getSeatLabel(), EXAM_DAY.format(s.getExamStart()), sessions,
                RULES, s.getTicketPrintStart(), s.getTicketPrintEnd());
    }

    private void tellReady(String mobile, String email, String batchName, String ticketNo, BatchSchedule s) {
        String text = NotificationTexts.text("sms.ticketReady", batchName, ticketNo,
                DAY_TIME.format(s.getTicketPrintStart()), DAY_TIME.format(s.getTicketPrintEnd()));
        if (mobile != null) {
            notifications.sms(mobile, text);
        }
        if (email != null) {
            notifications.email(email, NotificationTexts.text("email.ticketReady.subject"), text);
        }
    }

    private static TicketNumberRule ruleOf(String pattern) {
        try {
            return TicketNumberRule.of(pattern);
        } catch (IllegalArgumentException e) {
            throw new BusinessException("ticket.rule.invalid", pattern, e.getMessage());
        }
    }

    private ExamBatch lock(Long batchId) {
        try {
            return tickets.lockBatch(batchId).orElseThrow(() -> new NotFoundException("batch.notFound"));
        } catch (PessimisticLockException | LockTimeoutException e) {
            throw new BusinessException("ticket.busy");
        }
    }

    private ExamBatch batch(Long batchId) {
        return batches.find(batchId).orElseThrow(() -> new NotFoundException("batch.notFound"));
    }

    private org.kaowu.domain.candidate.Candidate candidate(String idNumber) {
        return candidates.findByIdNumber(idNumber).orElseThrow(() -> new NotFoundException("ticket.notFound"));
    }

    private static List<String> loadRules() {
        try (var in = TicketService.class.getResourceAsStream("exam-rules.txt")) {
            if (in == null) {
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
