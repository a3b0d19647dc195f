package org.kaowu.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.candidate.IdNumber;
import org.kaowu.domain.registration.Registration;
import org.kaowu.domain.registration.RegistrationStatus;
import org.kaowu.domain.exam.BatchSchedule;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.candidate.image.ImageKind;
import org.kaowu.service.AccountService;
import org.kaowu.service.BatchForm;
import org.kaowu.service.CertificateService;
import org.kaowu.service.ExamService;
import org.kaowu.service.ProfileData;
import org.kaowu.service.ProfileService;
import org.kaowu.service.RegistrationService;
import org.kaowu.service.ReviewService;
import org.kaowu.service.StaffService;
import org.kaowu.service.RoomService;
import org.kaowu.service.ScoreImportService;
import org.kaowu.service.ScoreService;
import org.kaowu.service.TicketAllocationRunner;
import org.kaowu.service.TicketService;
import org.kaowu.domain.exam.ExamRoom;
import org.kaowu.exception.BusinessException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Seeds the demo: staff logins, sites, positions and two batches (one open for registration now, one whose
 * exam is 3 days away). Idempotent: each item is looked up by its code first. Goes through the services so
 * the demo obeys the same rules as real data.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

    /** Printed by the run command; the demo has no secrets. */
    public static final String DEMO_PASSWORD = "Demo@2026";
    public static final String PROVINCE_ADMIN = "admin";
    /** The well-known valid sample ID number (GB 11643's own example), ending in X. */
    public static final String DEMO_CANDIDATE = "11010519491231002X";

    @Inject
    @ConfigProperty(name = "kaowu.demo", defaultValue = "false")
    private boolean demo;

    @Inject
    private Clock clock;

    @EJB
    private ExamService exams;
    @EJB
    private StaffService staff;
    @EJB
    private AccountService accounts;
    @EJB
    private ProfileService profiles;
    @EJB
    private RegistrationService registrations;
    @EJB
    private ReviewService reviews;
    @EJB
    private RoomService roomService;
    @EJB
    private TicketService ticketService;
    @EJB
    private TicketAllocationRunner allocationRunner;
    @EJB
    private ScoreService scoreService;
    @EJB
    private ScoreImportService scoreImports;
    @EJB
    private CertificateService certificateService;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void seed() {
        if (!demo) {
            return;
        }
        ExamSite hangzhou = site("HZ01", "杭州市第一考点（杭州职业技术学院）", "杭州市西湖区文三路 100 号");
        ExamSite ningbo = site("NB01", "宁波市考点（宁波工程学院）", "宁波市鄞州区钱湖南路 88 号");
        Position clerk = position("A01", "综合管理类（一级）", "120.00", "60");
        Position accountant = position("B02", "财务会计类（二级）", "150.00", "60");

        staffAccount(PROVINCE_ADMIN, "省中心管理员", StaffRole.PROVINCE_ADMIN, null);
        staffAccount("hz01", "杭州考点管理员", StaffRole.SITE_ADMIN, hangzhou.getId());
        staffAccount("operator", "操作员", StaffRole.OPERATOR, null);

        LocalDate today = LocalDate.now(clock);
        // open now: registration ran from a week ago and closes in three weeks
        boolean newOpenBatch = batch("2026A", "2026 年下半年专业技术资格考试", new BatchSchedule(
                at(today.minusDays(7), 9), at(today.plusDays(21), 17), at(today.plusDays(28), 17),
                at(today.plusDays(30), 17), at(today.plusDays(45), 9), at(today.plusDays(45), 17)),
                new ExamSite[] {hangzhou, ningbo}, new int[] {200, 100}, clerk, accountant);
        // exam in 3 days: the ticket window is open. Registration is over, so it is first created open (the
        // demo registrations go through the real rules) and then given its real, past dates.
        LocalDateTime now = LocalDateTime.now(clock);
        BatchSchedule ticketSchedule = new BatchSchedule(
                at(today.minusDays(40), 9), at(today.minusDays(20), 17), at(today.minusDays(15), 17),
                at(today.minusDays(12), 17), at(today.plusDays(3), 9), at(today.plusDays(3), 17));
        boolean newTicketBatch = batch("2026T", "2026 年第四季度职业资格考试", new BatchSchedule(
                at(today.minusDays(40), 9), now.plusHours(1), now.plusHours(1), now.plusHours(1),
                at(today.plusDays(3), 9), at(today.plusDays(3), 17), now.plusHours(1), at(today.plusDays(3), 17),
                null, null), new ExamSite[] {hangzhou}, new int[] {100}, clerk);

        candidate(DEMO_CANDIDATE, "张晓明", "13800138000");
        if (newTicketBatch) {
            ExamBatch ticketBatch = exams.findBatchByCode("2026T").orElseThrow();
            seedRegistrations(ticketBatch, hangzhou, clerk, List.of(
                    new Demo(DEMO_CANDIDATE, null, null, RegistrationStatus.APPROVED),
                    new Demo(demoId(1990, 3, 1), "李文静", "13800138001", RegistrationStatus.APPROVED),
                    new Demo(demoId(1992, 7, 2), "王建国", "13800138002", RegistrationStatus.APPROVED)));
            BatchForm form = BatchForm.of(exams.batch(ticketBatch.getId()));
            form.setRegistrationEnd(ticketSchedule.getRegistrationEnd());
            form.setReviewEnd(ticketSchedule.getReviewEnd());
            form.setPaymentEnd(ticketSchedule.getPaymentEnd());
            form.setTicketPrintStart(ticketSchedule.getTicketPrintStart());
            form.setExamSessions("上午 09:00–11:30 综合知识\n下午 14:00–16:30 专业实务");
            exams.saveBatch(PROVINCE_ADMIN, form);
        }
        if (newOpenBatch) {
            // the review screen's work: one registration in every status, at both sites
            ExamBatch openBatch = exams.findBatchByCode("2026A").orElseThrow();
            seedRegistrations(openBatch, hangzhou, clerk, List.of(
                    new Demo(demoId(1995, 1, 3), "赵敏", "13800138003", RegistrationStatus.SUBMITTED),
                    new Demo(demoId(1996, 2, 4), "钱进", "13800138004", RegistrationStatus.SUBMITTED),
                    new Demo(demoId(1993, 3, 5), "孙丽", "13800138005", RegistrationStatus.REVIEWED),
                    new Demo(demoId(1991, 4, 6), "李强", "13800138006", RegistrationStatus.APPROVED),
                    new Demo(demoId(1994, 5, 7), "周杰", "13800138007", RegistrationStatus.REJECTED),
                    new Demo(demoId(1997, 6, 8), "吴芳", "13800138008", RegistrationStatus.WITHDRAWN),
                    new Demo(demoId(1998, 7, 9), "郑伟", "13800138009", RegistrationStatus.DRAFT)));
            seedRegistrations(openBatch, ningbo, accountant, List.of(
                    new Demo(demoId(1992, 8, 10), "王芳", "13800138010", RegistrationStatus.SUBMITTED),
                    new Demo(demoId(1990, 9, 11), "陈刚", "13800138011", RegistrationStatus.REVIEWED)));
        }
        seedTickets();
        seedFinishedBatch(hangzhou, clerk, accountant);
        seedCertificates();
        LOG.info("[kaowu-demo] demo data ready");
    }

    /** A demo registration: who (a new candidate unless name is null) and where it should end up. */
    private record Demo(String idNumber, String name, String mobile, RegistrationStatus status) {
    }

    /** Takes each registration through the real steps (choose, submit, review, pay) up to its status. */
    private void seedRegistrations(ExamBatch batch, ExamSite site, Position position, List<Demo> demos) {
        for (Demo d : demos) {
            if (d.name() != null) {
                candidate(d.idNumber(), d.name(), d.mobile());
            }
            Registration r = registrations.choose(d.idNumber(), batch.getId(), site.getId(), Set.of(position.getId()));
            if (d.status() == RegistrationStatus.DRAFT) {
                continue;
            }
            Long id = registrations.submit(d.idNumber(), r.getId()).getId();
            switch (d.status()) {
                case WITHDRAWN -> registrations.withdraw(d.idNumber(), id);
                case REJECTED -> reviews.reject(PROVINCE_ADMIN, id, version(d, id), "照片不符合要求，请上传近期免冠证件照。");
                case REVIEWED, APPROVED -> {
                    reviews.pass(PROVINCE_ADMIN, id, version(d, id));
                    if (d.status() == RegistrationStatus.APPROVED) {
                        Registration reviewed = registrations.mine(d.idNumber(), id);
                        reviews.recordPayment(PROVINCE_ADMIN, id, reviewed.getVersion(), reviewed.fee(),
                                "DEMO-" + reviewed.getRegistrationNo());
                    }
                }
                default -> { }
            }
        }
    }

    private int version(Demo d, Long id) {
        return registrations.mine(d.idNumber(), id).getVersion();
    }

    /** A valid ID number of a demo candidate born in Hangzhou (区划 330106) on the given day. */
    static String demoId(int year, int month, int sequence) {
        String body = "330106" + String.format("%04d%02d15%03d", year, month, sequence);
        return body + IdNumber.checkDigit(body);
    }

    /** A candidate with a complete profile (text, photo, scans), ready for 点击报名. */
    private void candidate(String idNumber, String name, String mobile) {
        if (!accounts.exists(idNumber)) {
            accounts.register(idNumber, DEMO_PASSWORD.toCharArray(), DEMO_PASSWORD.toCharArray(), "demo-seed");
            profiles.save(idNumber, new ProfileData(name, "汉族", "共青团员", "大学本科", "会计学", "浙江财经大学",
                    LocalDate.of(2018, 6, 30), "杭州市某会计师事务所", mobile, "demo@kaowu.local",
                    "杭州市西湖区文三路 100 号", "310012"), Map.of(
                    ImageKind.PHOTO, DemoImages.photo(),
                    ImageKind.ID_CARD_SCAN, DemoImages.scan("身份证（正反面）"),
                    ImageKind.DIPLOMA_SCAN, DemoImages.scan("学历证书")));
        }
        LOG.info(() -> "[kaowu-demo] login CANDIDATE: " + idNumber + " / " + DEMO_PASSWORD);
    }

    private ExamSite site(String code, String name, String address) {
        return exams.findSiteByCode(code).orElseGet(() -> exams.createSite(new ExamSite(code, name, address)));
    }

    private Position position(String code, String name, String fee, String passLine) {
        return exams.findPositionByCode(code).orElseGet(() -> exams.createPosition(
                new Position(code, name, new BigDecimal(fee), new BigDecimal(passLine))));
    }

    /** Creates and opens the batch unless it exists; says whether it was created now. */
    private boolean batch(String code, String name, BatchSchedule schedule, ExamSite[] sites, int[] seats,
                          Position... positions) {
        if (exams.findBatchByCode(code).isPresent()) {
            return false;
        }
        ExamBatch batch = exams.createBatch(new ExamBatch(code, name, schedule));
        for (int i = 0; i < sites.length; i++) {
            exams.addSite(batch.getId(), sites[i].getId(), seats[i]);
        }
        for (Position position : positions) {
            exams.addPosition(batch.getId(), position.getId());
        }
        exams.open(batch.getId());
        return true;
    }

    private void staffAccount(String username, String displayName, StaffRole role, Long siteId) {
        if (staff.findByUsername(username).isEmpty()) {
            staff.create(username, displayName, DEMO_PASSWORD.toCharArray(), role, siteId);
        }
        LOG.info(() -> "[kaowu-demo] login " + role + ": " + username + " / " + DEMO_PASSWORD);
    }

    private static LocalDateTime at(LocalDate day, int hour) {
        return LocalDateTime.of(day, LocalTime.of(hour, 0));
    }

    /**
     * 准考证 for 2026T (exam in 3 days, print window open): three 30-seat rooms at HZ01, every approved
     * registration seated, tickets published, so the demo candidate can print at once. Runs on every start:
     * missing rooms are added, late approvals placed; nothing is ever deleted or moved.
     */
    private void seedTickets() {
        ExamBatch batch = exams.findBatchByCode("2026T").orElse(null);
        ExamSite site = exams.findSiteByCode("HZ01").orElse(null);
        if (batch == null || site == null) {
            return;
        }
        try {
            List<ExamRoom> existing = roomService.rooms(PROVINCE_ADMIN, site.getId());
            String[] names = {"教学楼 A101", "教学楼 A102", "教学楼 A103"};
            for (int i = 0; i < names.length; i++) {
                int roomNo = i + 1;
                if (existing.stream().noneMatch(r -> r.getRoomNo() == roomNo)) {
                    roomService.save(PROVINCE_ADMIN, new RoomService.RoomForm(null, site.getId(), roomNo, names[i], 30, 0));
                }
            }
            TicketService.Overview before = ticketService.overview(PROVINCE_ADMIN, batch.getId());
            if (before.completeness().missing() > 0) {
                allocationRunner.allocate(PROVINCE_ADMIN, batch.getId(), false);
            }
            if (!before.isPublished()) {
                ticketService.publish(PROVINCE_ADMIN, batch.getId());
            }
        } catch (BusinessException e) {
            LOG.warning(() -> "[kaowu-demo] admission tickets of 2026T not ready: " + e.getMessageKey());
        }
    }

    /**
     * 2026S — a finished batch (exam 20 days ago) with two subjects, three approved candidates with published
     * tickets and published scores, so the demo candidate can query a score at once (and the certificates can
     * build on it). Created open (so the registrations go through the real rules), then given its past dates.
     * Runs on every start: what is missing is added (tickets, the score import, the publication); nothing is
     * deleted or changed.
     */
    private void seedFinishedBatch(ExamSite site, Position clerk, Position accountant) {
        LocalDate today = LocalDate.now(clock);
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            boolean created = batch("2026S", "2026 年上半年职业资格考试（已考完）", new BatchSchedule(
                    at(today.minusDays(60), 9), now.plusHours(1), now.plusHours(1), now.plusHours(1),
                    at(today.plusDays(3), 9), at(today.plusDays(3), 17), now.plusHours(1), at(today.plusDays(3), 17),
                    null, null), new ExamSite[] {site}, new int[] {100}, clerk, accountant);
            ExamBatch batch = exams.findBatchByCode("2026S").orElseThrow();
            if (created) {
                List<String[]> people = List.of(new String[] {DEMO_CANDIDATE, null, null},
                        new String[] {demoId(1990, 3, 1), "李文静", "13800138001"},
                        new String[] {demoId(1992, 7, 2), "王建国", "13800138002"});
                for (String[] p : people) {
                    if (p[1] != null) {
                        candidate(p[0], p[1], p[2]);
                    }
                    Registration r = registrations.choose(p[0], batch.getId(), site.getId(),
                            Set.of(clerk.getId(), accountant.getId()));
                    Long id = registrations.submit(p[0], r.getId()).getId();
                    reviews.pass(PROVINCE_ADMIN, id, registrations.mine(p[0], id).getVersion());
                    Registration reviewed = registrations.mine(p[0], id);
                    reviews.recordPayment(PROVINCE_ADMIN, id, reviewed.getVersion(), reviewed.fee(),
                            "DEMO-" + reviewed.getRegistrationNo());
                }
                BatchForm form = BatchForm.of(exams.batch(batch.getId()));
                form.setRegistrationEnd(at(today.minusDays(45), 17));
                form.setReviewEnd(at(today.minusDays(40), 17));
                form.setPaymentEnd(at(today.minusDays(38), 17));
                form.setTicketPrintStart(at(today.minusDays(25), 9));
                form.setExamStart(at(today.minusDays(20), 9));
                form.setExamEnd(at(today.minusDays(20), 17));
                form.setTicketPrintEnd(at(today.minusDays(20), 17));
                form.setExamSessions("上午 09:00–11:30 综合管理类\n下午 14:00–16:30 财务会计类");
                exams.saveBatch(PROVINCE_ADMIN, form);
            }
            TicketService.Overview tickets = ticketService.overview(PROVINCE_ADMIN, batch.getId());
            if (tickets.completeness().missing() > 0) {
                allocationRunner.allocate(PROVINCE_ADMIN, batch.getId(), false);
            }
            if (!tickets.isPublished()) {
                ticketService.publish(PROVINCE_ADMIN, batch.getId());
            }
            ScoreService.Overview scores = scoreService.overview(PROVINCE_ADMIN, batch.getId());
            if (scores.scores() == 0) {
                var run = scoreService.upload(PROVINCE_ADMIN, batch.getId(), "2026S-成绩.csv",
                        new java.io.ByteArrayInputStream(demoScores(batch.getId())));
                String problem = scoreImports.importNow(run.getId());
                if (problem != null) {
                    LOG.warning(() -> "[kaowu-demo] scores of 2026S not imported: " + problem);
                    return;
                }
            }
            if (!scoreService.overview(PROVINCE_ADMIN, batch.getId()).published()) {
                scoreService.publish(PROVINCE_ADMIN, batch.getId());
            }
            LOG.info("[kaowu-demo] batch 2026S: exam over, scores published (成绩查询 for " + DEMO_CANDIDATE + ")");
        } catch (BusinessException e) {
            LOG.warning(() -> "[kaowu-demo] finished batch 2026S not ready: " + e.getMessageKey());
        }
    }

    /** A score file for the batch's tickets: every subject, a pass, a fail and one 缺考. */
    private byte[] demoScores(Long batchId) {
        StringBuilder csv = new StringBuilder("\uFEFF准考证号,身份证号,姓名,科目,成绩,状态\r\n");
        String[][] marks = {{"86.5", "78.0"}, {"92.0", "55.5"}, {"", "64.0"}};
        int i = 0;
        for (String[] t : scoreImports.ticketHolders(batchId)) {
            String[] codes = t[3].split(",");
            for (int s = 0; s < codes.length; s++) {
                String mark = marks[i % marks.length][s % 2];
                csv.append(t[0]).append(',').append(t[1]).append(',').append(t[2]).append(',').append(codes[s])
                        .append(',').append(mark).append(',').append(mark.isEmpty() ? "缺考" : "正常").append("\r\n");
            }
            i++;
        }
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * 2026S gets its pass list published and its passers numbered (the same checks and chunk write as the job,
     * in this thread: three candidates), so the demo candidate has a certificate and the public verification works
     * at once. Runs on every start: only what is missing is added; nothing is deleted or renumbered.
     */
    private void seedCertificates() {
        try {
            ExamBatch batch = exams.findBatchByCode("2026S").orElse(null);
            if (batch == null) {
                return;
            }
            CertificateService.Overview o = certificateService.overview(PROVINCE_ADMIN, batch.getId());
            if (!o.scoresPublished()) {
                return;
            }
            if (!o.passListPublished()) {
                certificateService.publishPassList(PROVINCE_ADMIN, batch.getId());
            }
            if (o.getUnnumbered() > 0) {
                certificateService.numberNow(PROVINCE_ADMIN, batch.getId());
            }
            LOG.info("[kaowu-demo] batch 2026S: pass list published, certificates numbered (证书查询, 我的证书)");
        } catch (BusinessException e) {
            LOG.warning(() -> "[kaowu-demo] certificates of 2026S not ready: " + e.getMessageKey());
        } catch (jakarta.ejb.EJBException e) {
            // the demo must still start: the rest of it does not depend on certificates
            LOG.log(java.util.logging.Level.WARNING, "[kaowu-demo] certificates of 2026S not ready", e);
        }
    }
}
