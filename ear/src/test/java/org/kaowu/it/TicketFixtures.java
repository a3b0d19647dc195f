package org.kaowu.it;

import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.registration.Registration;
import org.kaowu.service.AccountService;
import org.kaowu.service.BatchForm;
import org.kaowu.service.ExamService;
import org.kaowu.service.ProfileService;
import org.kaowu.service.RegistrationService;
import org.kaowu.service.ReviewService;
import org.kaowu.service.RoomService;
import org.kaowu.service.StaffService;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Admission-ticket test data through the services: candidates taken to 报名成功 (submitted, reviewed, paid),
 * rooms, and batch dates moved so that the print window is open now. The province admin is the demo seed's
 * {@code admin} (the test domain runs the seed).
 */
public final class TicketFixtures {

    public static final String ADMIN = "admin";

    private TicketFixtures() {
    }

    /** The services the fixtures need, injected by the test. */
    public record Services(AccountService accounts, ProfileService profiles, ExamService exams,
                           RegistrationService registrations, ReviewService reviews, RoomService rooms,
                           StaffService staff) {
    }

    /** A new candidate with a submitted registration at the batch's (first) site; returns [idNumber, registration id]. */
    public static Submitted submitted(Services s, ExamBatch batch) {
        String id = Fixtures.completeCandidate(s.accounts(), s.profiles());
        Long siteId = s.exams().sitesOf(batch.getId()).get(0).getSite().getId();
        Set<Long> positions = batch.getPositions().stream().map(Position::getId).collect(Collectors.toSet());
        Registration r = s.registrations().choose(id, batch.getId(), siteId, positions);
        s.registrations().submit(id, r.getId());
        return new Submitted(id, r.getId());
    }

    public record Submitted(String idNumber, Long registrationId) {
    }

    /** 审核通过 and 现场缴费: the registration is APPROVED (报名成功). */
    public static void approve(Services s, Submitted c) {
        s.reviews().pass(ADMIN, c.registrationId(), s.registrations().mine(c.idNumber(), c.registrationId()).getVersion());
        Registration reviewed = s.registrations().mine(c.idNumber(), c.registrationId());
        s.reviews().recordPayment(ADMIN, c.registrationId(), reviewed.getVersion(), reviewed.fee(),
                "T" + TestData.code(12));
    }

    public static Submitted approved(Services s, ExamBatch batch) {
        Submitted c = submitted(s, batch);
        approve(s, c);
        return c;
    }

    /** Adds a room to the batch's (first) site. */
    public static Long room(Services s, ExamBatch batch, int roomNo, int seats) {
        Long siteId = site(s, batch).getId();
        return s.rooms().save(ADMIN, new RoomService.RoomForm(null, siteId, roomNo, "测试楼 " + roomNo, seats, 0)).getId();
    }

    public static ExamSite site(Services s, ExamBatch batch) {
        return s.exams().sitesOf(batch.getId()).get(0).getSite();
    }

    /** Registration over, exam in 3 days, the ticket window open since yesterday. */
    public static void openPrintWindow(Services s, ExamBatch batch) {
        LocalDateTime now = LocalDateTime.now();
        BatchForm form = s.exams().batchForm(ADMIN, batch.getId());
        form.setRegistrationStart(now.minusDays(10));
        form.setRegistrationEnd(now.minusDays(5));
        form.setReviewEnd(now.minusDays(4));
        form.setPaymentEnd(now.minusDays(3));
        form.setTicketPrintStart(now.minusDays(1));
        form.setExamStart(now.plusDays(3));
        form.setExamEnd(now.plusDays(3).plusHours(3));
        form.setTicketPrintEnd(now.plusDays(3).plusHours(3));
        form.setExamSessions("上午 09:00–11:30 综合知识");
        s.exams().saveBatch(ADMIN, form);
    }

    /** A site admin of a new site of its own (not the batch's). */
    public static String siteAdminElsewhere(Services s) {
        ExamSite other = s.exams().createSite(new ExamSite("X" + TestData.code(6), "别处考点", "别处路 1 号"));
        String username = "sa" + TestData.code(8).toLowerCase();
        s.staff().create(username, "别处考点管理员", "Kaoshi2026!x".toCharArray(), StaffRole.SITE_ADMIN, other.getId());
        return username;
    }
}
