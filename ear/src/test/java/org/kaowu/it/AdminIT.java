package org.kaowu.it;

import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.kaowu.demo.DemoSeeder;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.audit.AuditAction;
import org.kaowu.domain.audit.AuditEntry;
import org.kaowu.domain.audit.AuditFilter;
import org.kaowu.domain.candidate.image.ImageKind;
import org.kaowu.domain.exam.BatchSite;
import org.kaowu.domain.exam.BatchStatus;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.notification.Channel;
import org.kaowu.domain.registration.Registration;
import org.kaowu.domain.registration.RegistrationStatus;
import org.kaowu.domain.registration.ReviewFilter;
import org.kaowu.exception.AccessDeniedException;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;
import org.kaowu.service.AccountService;
import org.kaowu.service.AuditService;
import org.kaowu.service.BatchForm;
import org.kaowu.service.DashboardService;
import org.kaowu.service.ExamService;
import org.kaowu.service.NotificationService;
import org.kaowu.service.ProfileService;
import org.kaowu.service.RegistrationService;
import org.kaowu.service.ReviewService;
import org.kaowu.service.StaffService;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The admin portal's rules against the database: batch dates and status, review and on-site payment
 * (including two admins acting at once), the role × action access matrix, the audit log and the exports.
 */
@ExtendWith(ArquillianExtension.class)
class AdminIT {

    private static final String ADMIN = DemoSeeder.PROVINCE_ADMIN;

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(AdminIT.class);
    }

    @Inject
    AccountService accounts;
    @Inject
    ProfileService profiles;
    @Inject
    ExamService exams;
    @Inject
    RegistrationService registrations;
    @Inject
    ReviewService reviews;
    @Inject
    StaffService staff;
    @Inject
    AuditService audit;
    @Inject
    DashboardService dashboards;
    @Inject
    NotificationService notifications;

    // ---- batches ----

    @Test
    void aBatchNeverHoldsContradictoryDates() {
        LocalDateTime now = LocalDateTime.now().withSecond(0).withNano(0);
        Map<String, BatchForm> cases = new LinkedHashMap<>();
        cases.put("batch.schedule.registrationOrder", form(now, f -> f.setRegistrationEnd(now.minusDays(2))));
        cases.put("batch.schedule.reviewBeforeRegistrationEnd", form(now, f -> f.setReviewEnd(now.plusDays(5))));
        cases.put("batch.schedule.paymentBeforeRegistrationEnd", form(now, f -> f.setPaymentEnd(now.plusDays(5))));
        cases.put("batch.schedule.examOrder", form(now, f -> f.setExamEnd(now.plusDays(19))));
        cases.put("batch.schedule.examBeforeReview", form(now, f -> f.setReviewEnd(now.plusDays(25))));
        cases.put("batch.schedule.ticketWindow", form(now, f -> f.setTicketPrintStart(now.plusDays(11))));
        cases.put("batch.schedule.scoreBeforeExamEnd", form(now, f -> f.setScorePublishAt(now.plusDays(19))));
        cases.put("batch.schedule.certificateBeforeScore", form(now, f -> f.setCertificateIssueAt(now.plusDays(25))));
        cases.put("batch.schedule.incomplete", form(now, f -> f.setExamStart(null)));
        cases.put("batch.codeInvalid", form(now, f -> f.setCode("bad code!")));
        cases.put("batch.nameRequired", form(now, f -> f.setName("  ")));
        for (Map.Entry<String, BatchForm> c : cases.entrySet()) {
            BusinessException e = assertThrows(BusinessException.class, () -> exams.saveBatch(ADMIN, c.getValue()),
                    c.getKey());
            assertEquals(c.getKey(), e.getMessageKey());
            assertTrue(exams.findBatchByCode(c.getValue().getCode()).isEmpty(), "nothing saved for " + c.getKey());
        }

        // a consistent draft: the default ticket window is the 5 days before the exam
        BatchForm good = form(now, f -> { });
        ExamBatch batch = exams.saveBatch(ADMIN, good);
        assertEquals(BatchStatus.DRAFT, batch.getStatus());
        assertEquals(now.plusDays(15), batch.getSchedule().getTicketPrintStart());

        // opening needs sites and positions
        assertKey("batch.openNeedsSites", () -> exams.moveBatch(ADMIN, batch.getId(), batch.getVersion(), BatchStatus.OPEN));
        ExamSite site = exams.saveSite(ADMIN, new ExamSite("S" + TestData.code(6), "批次测试考点", "杭州市测试路 2 号"));
        exams.setSeats(ADMIN, batch.getId(), site.getId(), 3);
        int version = exams.batch(batch.getId()).getVersion();
        assertKey("batch.openNeedsPositions", () -> exams.moveBatch(ADMIN, batch.getId(), version, BatchStatus.OPEN));
        Position position = exams.savePosition(ADMIN, new Position("P" + TestData.code(6), "批次测试岗位",
                new BigDecimal("80.00"), new BigDecimal("60")));
        exams.setPositions(ADMIN, batch.getId(), version, Set.of(position.getId()));
        int afterPositions = exams.batch(batch.getId()).getVersion();
        assertTrue(afterPositions > version, "changing the positions raises the version");
        // a form loaded before that change is stale
        assertKey("admin.conflict", () -> exams.moveBatch(ADMIN, batch.getId(), version, BatchStatus.OPEN));
        exams.moveBatch(ADMIN, batch.getId(), afterPositions, BatchStatus.OPEN);
        assertEquals(BatchStatus.OPEN, exams.batch(batch.getId()).getStatus());

        // the open batch takes a registration; seats cannot drop below those taken, the site cannot leave
        String candidate = Fixtures.completeCandidate(accounts, profiles);
        Registration r = registrations.choose(candidate, batch.getId(), site.getId(), Set.of(position.getId()));
        registrations.submit(candidate, r.getId());
        assertKey("batch.seatsBelowTaken", () -> exams.setSeats(ADMIN, batch.getId(), site.getId(), 0));
        assertKey("batch.siteInUse", () -> exams.removeSite(ADMIN, batch.getId(), site.getId()));
        int open = exams.batch(batch.getId()).getVersion();
        assertKey("batch.positionInUse", () -> exams.setPositions(ADMIN, batch.getId(), open, Set.of()));
        assertEquals(1, exams.setSeats(ADMIN, batch.getId(), site.getId(), 1).getSeats());

        // editing with a stale form changes nothing
        BatchForm loaded = exams.batchForm(ADMIN, batch.getId());
        BatchForm other = exams.batchForm(ADMIN, batch.getId());
        other.setName("另一位管理员改的名字");
        exams.saveBatch(ADMIN, other);
        loaded.setName("我改的名字");
        assertKey("admin.conflict", () -> exams.saveBatch(ADMIN, loaded));
        assertEquals("另一位管理员改的名字", exams.batch(batch.getId()).getName());

        // OPEN → CLOSED → ARCHIVED, and nothing after
        ExamBatch closed = exams.moveBatch(ADMIN, batch.getId(), exams.batch(batch.getId()).getVersion(), BatchStatus.CLOSED);
        assertKey("batch.transition", () -> exams.moveBatch(ADMIN, batch.getId(), exams.batch(batch.getId()).getVersion(),
                BatchStatus.CLOSED));
        exams.moveBatch(ADMIN, closed.getId(), exams.batch(batch.getId()).getVersion(), BatchStatus.ARCHIVED);
        BatchForm late = exams.batchForm(ADMIN, batch.getId());
        late.setName("归档后修改");
        assertKey("batch.archived", () -> exams.saveBatch(ADMIN, late));
        assertKey("batch.transition", () -> exams.moveBatch(ADMIN, batch.getId(), exams.batch(batch.getId()).getVersion(),
                BatchStatus.OPEN));

        // every change is in the audit log, with before and after
        List<AuditEntry> log = audit.search(ADMIN, new AuditFilter(ADMIN, null, batch.getId().toString(), null, null), 0, 50);
        Set<AuditAction> actions = log.stream().map(AuditEntry::getAction).collect(Collectors.toSet());
        assertTrue(actions.containsAll(Set.of(AuditAction.BATCH_CREATE, AuditAction.BATCH_SITE, AuditAction.BATCH_POSITIONS,
                AuditAction.BATCH_OPEN, AuditAction.BATCH_UPDATE, AuditAction.BATCH_CLOSE, AuditAction.BATCH_ARCHIVE)), actions.toString());
        AuditEntry rename = log.stream().filter(e -> e.getAction() == AuditAction.BATCH_UPDATE).findFirst().orElseThrow();
        assertTrue(rename.getAfterState().contains("另一位管理员改的名字"), rename.getAfterState());
        assertNotNull(rename.getBeforeState());
    }

    // ---- review and payment ----

    @Test
    void reviewThenPaymentApprovesAndRejectionGivesTheSeatBackForAResubmission() {
        ExamBatch batch = Fixtures.openBatch(exams, 5);
        BatchSite site = exams.sitesOf(batch.getId()).get(0);
        Registration r = Fixtures.submitted(accounts, profiles, registrations, exams, batch);
        String mobile = r.getSnapMobile();
        assertEquals(4, registrations.seatsLeft(site.getId()));

        // payment before review, and review twice, are refused
        assertKey("review.wrongStatus", () -> reviews.recordPayment(ADMIN, r.getId(), version(r), new BigDecimal("200.00"), "R-" + TestData.code(8)));
        Registration reviewed = reviews.pass(ADMIN, r.getId(), version(r));
        assertEquals(RegistrationStatus.REVIEWED, reviewed.getStatus());
        assertEquals(ADMIN, reviewed.getReviewedBy());
        assertKey("review.wrongStatus", () -> reviews.pass(ADMIN, r.getId(), version(r)));

        // the amount must be the fee due (two positions at 100.00), the receipt well-formed and unused
        assertKey("payment.amountMismatch", () -> reviews.recordPayment(ADMIN, r.getId(), version(r), new BigDecimal("100.00"), "R-" + TestData.code(8)));
        assertKey("payment.receiptRequired", () -> reviews.recordPayment(ADMIN, r.getId(), version(r), new BigDecimal("200.00"), " "));
        assertKey("payment.receiptInvalid", () -> reviews.recordPayment(ADMIN, r.getId(), version(r), new BigDecimal("200.00"), "<script>"));
        Registration other = Fixtures.submitted(accounts, profiles, registrations, exams, batch);
        reviews.pass(ADMIN, other.getId(), version(other));
        String receipt = "R-" + TestData.code(10);
        reviews.recordPayment(ADMIN, other.getId(), version(other), new BigDecimal("200.00"), receipt);
        assertKey("payment.receiptTaken", () -> reviews.recordPayment(ADMIN, r.getId(), version(r), new BigDecimal("200.00"), receipt));
        assertEquals(RegistrationStatus.REVIEWED, reviews.registration(ADMIN, r.getId()).getStatus(), "refusals change nothing");

        Registration paid = reviews.recordPayment(ADMIN, r.getId(), version(r), new BigDecimal("200"), "R-" + TestData.code(10));
        assertEquals(RegistrationStatus.APPROVED, paid.getStatus());
        assertEquals(0, new BigDecimal("200.00").compareTo(paid.getPaidAmount()));
        assertEquals(3, registrations.seatsLeft(site.getId()), "an approved registration keeps its seat");
        assertKey("review.wrongStatus", () -> reviews.reject(ADMIN, r.getId(), version(r), "太晚了"));
        // the candidate sees 审核通过 and was told: submitted, reviewed, approved
        assertEquals(RegistrationStatus.APPROVED, registrations.mine(idOf(r), r.getId()).getStatus());
        List<String> sms = notifications.search(Channel.SMS, null, mobile, 0, 10).stream().map(m -> m.getBody()).toList();
        assertEquals(3, sms.size(), sms.toString());
        assertTrue(sms.stream().anyMatch(b -> b.contains("恭喜您")), sms.toString());

        // 审核不通过 needs a reason, gives the seat back, and the candidate can correct and resubmit
        Registration third = Fixtures.submitted(accounts, profiles, registrations, exams, batch);
        int left = registrations.seatsLeft(site.getId());
        assertKey("review.reasonRequired", () -> reviews.reject(ADMIN, third.getId(), version(third), "  "));
        assertKey("review.reasonTooLong", () -> reviews.reject(ADMIN, third.getId(), version(third), "长".repeat(201)));
        Registration rejected = reviews.reject(ADMIN, third.getId(), version(third), "照片不清晰");
        assertEquals(RegistrationStatus.REJECTED, rejected.getStatus());
        assertEquals(left + 1, registrations.seatsLeft(site.getId()));
        String candidate = idOf(third);
        assertEquals("照片不清晰", registrations.mine(candidate, third.getId()).getRejectReason());
        Set<Long> positions = batch.getPositions().stream().map(Position::getId).collect(Collectors.toSet());
        registrations.choose(candidate, batch.getId(), site.getSite().getId(), positions);
        Registration again = registrations.submit(candidate, third.getId());
        assertEquals(RegistrationStatus.SUBMITTED, again.getStatus());
        assertEquals(null, again.getRejectReason());
        assertEquals(left, registrations.seatsLeft(site.getId()));
        assertEquals(RegistrationStatus.REVIEWED, reviews.pass(ADMIN, third.getId(), version(third)).getStatus());
    }

    @Test
    void theReviewListShowsEachRowsOwnPositions() {
        // one page, rows with different positions: read for the whole page at once (batch IN), each row its own
        ExamBatch batch = Fixtures.openBatch(exams, 10);
        Long siteId = exams.sitesOf(batch.getId()).get(0).getSite().getId();
        List<Position> all = List.copyOf(batch.getPositions());
        List<Set<Long>> chosen = List.of(Set.of(all.get(0).getId()), Set.of(all.get(1).getId()),
                all.stream().map(Position::getId).collect(Collectors.toSet()));
        for (Set<Long> positions : chosen) {
            String id = Fixtures.completeCandidate(accounts, profiles);
            registrations.submit(id, registrations.choose(id, batch.getId(), siteId, positions).getId());
        }
        List<Registration> page = reviews.search(ADMIN, new ReviewFilter(batch.getId(), null, null, null, null), 0, 10);
        assertEquals(3, page.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(chosen.get(i), page.get(i).getPositions().stream().map(Position::getId).collect(Collectors.toSet()),
                    "row " + i);
        }
    }

    @Test
    void twoAdminsOnOneRegistrationTheSecondGetsAConflictAndNothingIsLost() throws Exception {
        ExamBatch batch = Fixtures.openBatch(exams, 10);
        Registration r = Fixtures.submitted(accounts, profiles, registrations, exams, batch);
        int seen = version(r);
        reviews.pass(ADMIN, r.getId(), seen);
        // the second admin still has the page from before: refused, the first decision stands
        assertKey("admin.conflict", () -> reviews.reject(ADMIN, r.getId(), seen, "另一位管理员的意见"));
        assertEquals(RegistrationStatus.REVIEWED, reviews.registration(ADMIN, r.getId()).getStatus());

        // and truly at the same moment: exactly one of pass and reject wins
        for (int round = 0; round < 5; round++) {
            Registration race = Fixtures.submitted(accounts, profiles, registrations, exams, batch);
            int v = version(race);
            Map<String, Integer> outcomes = new ConcurrentHashMap<>();
            List<Callable<Void>> both = new ArrayList<>();
            both.add(() -> outcome(outcomes, () -> reviews.pass(ADMIN, race.getId(), v)));
            both.add(() -> outcome(outcomes, () -> reviews.reject(ADMIN, race.getId(), v, "同时审核")));
            Fixtures.race(both);
            int won = outcomes.getOrDefault("REVIEWED", 0) + outcomes.getOrDefault("REJECTED", 0);
            assertEquals(1, won, outcomes.toString());
            RegistrationStatus now = reviews.registration(ADMIN, race.getId()).getStatus();
            assertTrue(outcomes.containsKey(now.name()), "the stored status is the winner's: " + now + " " + outcomes);
            assertTrue(outcomes.keySet().stream().allMatch(k -> Set.of("REVIEWED", "REJECTED", "admin.conflict",
                    "review.wrongStatus").contains(k)), "the loser gets a clear message: " + outcomes);
        }
        // seats add up after the races: taken = registrations holding a seat
        BatchSite site = exams.sitesOf(batch.getId()).get(0);
        long holding = reviews.count(ADMIN, new ReviewFilter(batch.getId(), null, null, RegistrationStatus.REVIEWED, null))
                + reviews.count(ADMIN, new ReviewFilter(batch.getId(), null, null, RegistrationStatus.SUBMITTED, null))
                + reviews.count(ADMIN, new ReviewFilter(batch.getId(), null, null, RegistrationStatus.APPROVED, null));
        assertEquals(10 - holding, registrations.seatsLeft(site.getId()));
    }

    @Test
    void bulkPassTakesEveryAwaitingRegistrationOfTheFilterAndNothingElse() {
        ExamBatch batch = Fixtures.openBatch(exams, 10);
        List<Registration> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            submitted.add(Fixtures.submitted(accounts, profiles, registrations, exams, batch));
        }
        reviews.reject(ADMIN, submitted.get(2).getId(), version(submitted.get(2)), "资料不全");
        assertEquals(0, reviews.passAll(ADMIN, new ReviewFilter(batch.getId(), null, null, RegistrationStatus.REJECTED, null)));
        assertEquals(2, reviews.passAll(ADMIN, new ReviewFilter(batch.getId(), null, null, null, null)));
        assertEquals(RegistrationStatus.REVIEWED, reviews.registration(ADMIN, submitted.get(0).getId()).getStatus());
        assertEquals(RegistrationStatus.REJECTED, reviews.registration(ADMIN, submitted.get(2).getId()).getStatus());
        assertEquals(0, reviews.passAll(ADMIN, new ReviewFilter(batch.getId(), null, null, null, null)), "nothing left");

        // the dashboard counts them
        var dashboard = dashboards.summary(ADMIN, batch.getId());
        assertEquals(2, dashboard.total().get(RegistrationStatus.REVIEWED));
        assertEquals(1, dashboard.total().get(RegistrationStatus.REJECTED));
        assertEquals(8, dashboard.sites().get(0).getSeatsLeft());
    }

    // ---- access ----

    @Test
    void everyRoleMayDoExactlyItsOwnWorkAndRefusalsAreLogged() throws Throwable {
        ExamBatch batch = Fixtures.openBatch(exams, 10);
        ExamSite ownSite = exams.sitesOf(batch.getId()).get(0).getSite();
        ExamSite otherSite = exams.saveSite(ADMIN, new ExamSite("S" + TestData.code(6), "别的考点", "宁波市测试路 3 号"));
        String siteAdmin = newStaff(StaffRole.SITE_ADMIN, ownSite.getId());
        String otherSiteAdmin = newStaff(StaffRole.SITE_ADMIN, otherSite.getId());
        String operator = newStaff(StaffRole.OPERATOR, null);
        String candidate = Fixtures.completeCandidate(accounts, profiles);
        Registration r = Fixtures.submitted(accounts, profiles, registrations, exams, batch);
        ReviewFilter all = new ReviewFilter(batch.getId(), null, null, null, null);

        Map<String, Executable> actions = new LinkedHashMap<>();
        actions.put("review list", () -> reviews.search(actor(), all, 0, 10));
        actions.put("review view", () -> reviews.registration(actor(), r.getId()));
        actions.put("review photo", () -> reviews.scan(actor(), r.getId(), ImageKind.ID_CARD_SCAN));
        actions.put("review export", () -> reviews.export(actor(), all, List.of("a")));
        actions.put("batch edit", () -> exams.batchForm(actor(), batch.getId()));
        actions.put("site create", () -> exams.saveSite(actor(), new ExamSite("S" + TestData.code(6), "x", "y")));
        actions.put("staff list", () -> staff.all(actor()));
        actions.put("audit search", () -> audit.search(actor(), AuditFilter.any(), 0, 10));
        actions.put("dashboard", () -> dashboards.summary(actor(), batch.getId()));

        Map<String, Set<String>> allowed = Map.of(
                ADMIN, actions.keySet(),
                siteAdmin, Set.of("review list", "review view", "review photo", "review export", "dashboard"),
                otherSiteAdmin, Set.of("review list", "review export", "dashboard"),
                operator, Set.of("dashboard"),
                candidate, Set.of(),
                "nobody-" + TestData.code(5).toLowerCase(Locale.ROOT), Set.of());
        for (Map.Entry<String, Set<String>> who : allowed.entrySet()) {
            ACTOR.set(who.getKey());
            long deniedBefore = denials(who.getKey());
            int refusals = 0;
            for (Map.Entry<String, Executable> action : actions.entrySet()) {
                boolean may = who.getValue().contains(action.getKey());
                try {
                    action.getValue().execute();
                    if (!may) {
                        fail(who.getKey() + " may not " + action.getKey());
                    }
                } catch (AccessDeniedException | NotFoundException e) {
                    if (may) {
                        fail(who.getKey() + " should be allowed to " + action.getKey() + ": " + e.getMessageKey());
                    }
                    refusals++;
                }
            }
            assertEquals(refusals, denials(who.getKey()) - deniedBefore, "every refusal of " + who.getKey() + " is logged");
        }

        // a site admin's list holds the own site only, whatever site the filter names
        ACTOR.set(otherSiteAdmin);
        assertEquals(0, reviews.count(otherSiteAdmin, all.withSite(ownSite.getId())));
        assertEquals(1, reviews.count(siteAdmin, all.withSite(otherSite.getId())));
        // and a site admin of another site cannot act on it: "not found", nothing changed
        assertThrows(NotFoundException.class, () -> reviews.pass(otherSiteAdmin, r.getId(), version(r)));
        assertEquals(RegistrationStatus.SUBMITTED, reviews.registration(ADMIN, r.getId()).getStatus());
        assertEquals(RegistrationStatus.REVIEWED, reviews.pass(siteAdmin, r.getId(), version(r)).getStatus());

        // a disabled account can no longer act, even with a session still open
        var account = staff.findByUsername(operator).orElseThrow();
        staff.setEnabled(ADMIN, account.getId(), account.getVersion(), false);
        assertThrows(AccessDeniedException.class, () -> dashboards.summary(operator, batch.getId()));
        assertKey("staff.cannotDisableSelf", () -> {
            var me = staff.findByUsername(ADMIN).orElseThrow();
            staff.setEnabled(ADMIN, me.getId(), me.getVersion(), false);
        });
    }

    @Test
    void staffAccountsFollowThePasswordRulesAndProvinceAdminsAreNotCreatedHere() {
        String name = "t" + TestData.code(8).toLowerCase(Locale.ROOT);
        assertKey("staff.roleNotAllowed", () -> staff.createStaff(ADMIN, name, "测试", "Kaoshi2026".toCharArray(),
                "Kaoshi2026".toCharArray(), StaffRole.PROVINCE_ADMIN, null));
        assertKey("staff.siteRequired", () -> staff.createStaff(ADMIN, name, "测试", "Kaoshi2026".toCharArray(),
                "Kaoshi2026".toCharArray(), StaffRole.SITE_ADMIN, null));
        assertKey("staff.usernameInvalid", () -> staff.createStaff(ADMIN, "a b", "测试", "Kaoshi2026".toCharArray(),
                "Kaoshi2026".toCharArray(), StaffRole.OPERATOR, null));
        assertKey("password.digitsOnly", () -> staff.createStaff(ADMIN, name, "测试", "12345678".toCharArray(),
                "12345678".toCharArray(), StaffRole.OPERATOR, null));
        assertKey("password.mismatch", () -> staff.createStaff(ADMIN, name, "测试", "Kaoshi2026".toCharArray(),
                "Kaoshi2027".toCharArray(), StaffRole.OPERATOR, null));
        var created = staff.createStaff(ADMIN, name.toUpperCase(Locale.ROOT), "测试操作员", "Kaoshi2026".toCharArray(),
                "Kaoshi2026".toCharArray(), StaffRole.OPERATOR, null);
        assertEquals(name, created.getUsername());
        assertTrue(staff.authenticate(name, "Kaoshi2026".toCharArray(), TestData.clientAddress()).isOk());
        assertKey("staff.usernameTaken", () -> staff.createStaff(ADMIN, name, "测试", "Kaoshi2026".toCharArray(),
                "Kaoshi2026".toCharArray(), StaffRole.OPERATOR, null));
        int loaded = staff.findByUsername(name).orElseThrow().getVersion();
        var reset = staff.resetPassword(ADMIN, created.getId(), loaded, "Neues2026x".toCharArray(),
                "Neues2026x".toCharArray());
        assertFalse(staff.authenticate(name, "Kaoshi2026".toCharArray(), TestData.clientAddress()).isOk());
        assertTrue(staff.authenticate(name, "Neues2026x".toCharArray(), TestData.clientAddress()).isOk());
        assertKey("admin.conflict", () -> staff.resetPassword(ADMIN, created.getId(), loaded,
                "Drittes2026".toCharArray(), "Drittes2026".toCharArray()));
        assertEquals(name, reset.getUsername());
    }

    @Test
    void theReviewExportMasksIdNumbersNeutralisesFormulasAndIsLogged() throws Exception {
        ExamBatch batch = Fixtures.openBatch(exams, 5);
        Registration r = Fixtures.submitted(accounts, profiles, registrations, exams, batch);
        reviews.reject(ADMIN, r.getId(), version(r), "=HYPERLINK(\"http://evil\",\"x\")");
        long exportsBefore = audit.count(ADMIN, new AuditFilter(ADMIN, AuditAction.EXPORT, null, null, null));
        byte[] xlsx = reviews.export(ADMIN, new ReviewFilter(batch.getId(), null, null, null, null),
                List.of("报名号", "姓名", "身份证号", "批次", "考点", "岗位", "状态", "提交时间", "缴费", "收据", "意见"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(1, sheet.getLastRowNum(), "one row under the header");
            String id = idOf(r);
            String shown = sheet.getRow(1).getCell(2).getStringCellValue();
            assertEquals(id.substring(0, 6), shown.substring(0, 6));
            assertFalse(shown.contains(id.substring(6, 14)), "birth date hidden: " + shown);
            var reason = sheet.getRow(1).getCell(10);
            assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, reason.getCellType());
            assertTrue(reason.getCellStyle().getQuotePrefixed(), "a formula-looking text is stored quote-prefixed");
        }
        assertEquals(exportsBefore + 1, audit.count(ADMIN, new AuditFilter(ADMIN, AuditAction.EXPORT, null, null, null)));
    }

    // ---- helpers ----

    private static final ThreadLocal<String> ACTOR = new ThreadLocal<>();

    private static String actor() {
        return ACTOR.get();
    }

    private long denials(String actor) {
        return audit.count(ADMIN, new AuditFilter(actor, AuditAction.ACCESS_DENIED, null, null, null));
    }

    private String newStaff(StaffRole role, Long siteId) {
        String name = "t" + TestData.code(8).toLowerCase(Locale.ROOT);
        staff.createStaff(ADMIN, name, "测试人员", "Kaoshi2026".toCharArray(), "Kaoshi2026".toCharArray(), role, siteId);
        return name;
    }

    private int version(Registration r) {
        return reviews.registration(ADMIN, r.getId()).getVersion();
    }

    private String idOf(Registration r) {
        return reviews.registration(ADMIN, r.getId()).getCandidate().getIdNumber();
    }

    private static Void outcome(Map<String, Integer> outcomes, Callable<Registration> action) {
        String outcome;
        try {
            outcome = action.call().getStatus().name();
        } catch (BusinessException e) {
            outcome = e.getMessageKey();
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName();
        }
        outcomes.merge(outcome, 1, Integer::sum);
        return null;
    }

    private static void assertKey(String key, Executable action) {
        BusinessException e = assertThrows(BusinessException.class, action, key);
        assertEquals(key, e.getMessageKey());
    }

    /** A consistent schedule, registration open now (exam in 20 days), changed by {@code change}. */
    private static BatchForm form(LocalDateTime now, java.util.function.Consumer<BatchForm> change) {
        BatchForm f = new BatchForm();
        f.setCode("T" + TestData.code(8));
        f.setName("日期测试批次");
        f.setRegistrationStart(now.minusDays(1));
        f.setRegistrationEnd(now.plusDays(10));
        f.setReviewEnd(now.plusDays(12));
        f.setPaymentEnd(now.plusDays(13));
        f.setExamStart(now.plusDays(20));
        f.setExamEnd(now.plusDays(20).plusHours(3));
        f.setScorePublishAt(now.plusDays(30));
        change.accept(f);
        return f;
    }
}
