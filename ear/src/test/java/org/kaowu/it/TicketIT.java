package org.kaowu.it;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.notification.Channel;
import org.kaowu.exception.AccessDeniedException;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;
import org.kaowu.service.AccountService;
import org.kaowu.service.ExamService;
import org.kaowu.service.NotificationService;
import org.kaowu.service.ProfileService;
import org.kaowu.service.RegistrationService;
import org.kaowu.service.ReviewService;
import org.kaowu.service.RoomService;
import org.kaowu.service.StaffService;
import org.kaowu.service.TicketAllocationRunner;
import org.kaowu.service.TicketService;
import org.kaowu.service.TicketView;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Manual section 5 against the database: allocation, the rule, publication, the window, access, the PDFs. */
@ExtendWith(ArquillianExtension.class)
class TicketIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(TicketIT.class, TicketFixtures.class, TicketFixtures.Services.class,
                TicketFixtures.Submitted.class);
    }

    @Inject AccountService accounts;
    @Inject ProfileService profiles;
    @Inject ExamService exams;
    @Inject RegistrationService registrations;
    @Inject ReviewService reviews;
    @Inject RoomService rooms;
    @Inject StaffService staff;
    @Inject TicketService tickets;
    @Inject TicketAllocationRunner runner;
    @Inject NotificationService notifications;

    private TicketFixtures.Services s() {
        return new TicketFixtures.Services(accounts, profiles, exams, registrations, reviews, rooms, staff);
    }

    @Test
    void allocationKeepsCapacityUniqueSeatsAndStaysPutOnReRuns() {
        TicketFixtures.Services s = s();
        ExamBatch batch = Fixtures.openBatch(exams, 20);
        List<TicketFixtures.Submitted> first = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            first.add(TicketFixtures.approved(s, batch));
        }
        TicketFixtures.Submitted late = TicketFixtures.submitted(s, batch);
        TicketFixtures.room(s, batch, 2, 2);
        TicketFixtures.room(s, batch, 1, 3);

        // 6 approved, 5 seats: rooms in number order, first free seat; one left over, reported not thrown
        List<TicketService.SiteAllocation> run = runner.allocate(TicketFixtures.ADMIN, batch.getId(), false);
        assertEquals(5, run.get(0).placed());
        assertEquals(List.of(first.get(5).registrationId()), run.get(0).unplaced());
        TicketService.Overview o = tickets.overview(TicketFixtures.ADMIN, batch.getId());
        for (TicketService.RoomLine room : o.rooms()) {
            assertEquals(room.seats(), room.tickets(), room.label() + " full, not over");
        }
        assertFalse(o.completeness().isComplete());
        assertEquals(1, o.completeness().missing());
        assertEquals(first.get(5).registrationId(), registrationIdOf(o.completeness().missingListed().get(0).registrationNo(), first));
        assertKey("ticket.incomplete", () -> tickets.publish(TicketFixtures.ADMIN, batch.getId()));

        // the default rule: yy + batch + site + room:3 + seat:2, in registration order, room 1 first
        String yy = String.valueOf(batch.getSchedule().getExamStart().getYear()).substring(2);
        String site = TicketFixtures.site(s, batch).getCode();
        TicketFixtures.openPrintWindow(s, batch);
        Map<Long, String> before = numbers(batch, first);
        assertEquals(yy + batch.getCode() + site + "001" + "01", before.get(first.get(0).registrationId()));
        assertEquals(yy + batch.getCode() + site + "002" + "02", before.get(first.get(4).registrationId()));
        assertEquals(5, new HashSet<>(before.values()).size(), "unique ticket numbers");

        // a bigger room and a late approval: the re-run places the newcomers and moves nobody
        TicketFixtures.room(s, batch, 3, 30);
        TicketFixtures.approve(s, late);
        runner.allocate(TicketFixtures.ADMIN, batch.getId(), false);
        List<TicketFixtures.Submitted> all = new java.util.ArrayList<>(first);
        all.add(late);
        Map<Long, String> after = numbers(batch, all);
        for (Map.Entry<Long, String> e : before.entrySet()) {
            assertEquals(e.getValue(), after.get(e.getKey()), "nobody moves");
        }
        assertEquals(yy + batch.getCode() + site + "003" + "01", after.get(first.get(5).registrationId()));
        assertEquals(yy + batch.getCode() + site + "003" + "02", after.get(late.registrationId()));
        assertTrue(tickets.completeness(TicketFixtures.ADMIN, batch.getId()).isComplete());

        // a second run with nothing to do writes nothing; redo before publication is deterministic
        assertEquals(0, runner.allocate(TicketFixtures.ADMIN, batch.getId(), false).get(0).placed());
        runner.allocate(TicketFixtures.ADMIN, batch.getId(), true);
        Map<Long, String> redone = numbers(batch, all);
        runner.allocate(TicketFixtures.ADMIN, batch.getId(), true);
        assertEquals(redone, numbers(batch, all), "same input, same seats");
        assertEquals(7, new HashSet<>(redone.values()).size());

        // the room cannot shrink below a seat in use nor be deleted
        TicketService.RoomLine room1 = tickets.overview(TicketFixtures.ADMIN, batch.getId()).rooms().get(0);
        var room1Entity = rooms.rooms(TicketFixtures.ADMIN, room1.siteId()).get(0);
        assertKey("room.seatsInUse", () -> rooms.save(TicketFixtures.ADMIN, new RoomService.RoomForm(room1Entity.getId(),
                room1.siteId(), null, null, 1, room1Entity.getVersion())));
        assertKey("room.inUse", () -> rooms.delete(TicketFixtures.ADMIN, room1Entity.getId(), room1Entity.getVersion()));

        // publish: everybody told; afterwards no redo and no rule change, but re-runs still add
        String mobile = profiles.profile(first.get(0).idNumber()).mobile();
        tickets.publish(TicketFixtures.ADMIN, batch.getId());
        assertTrue(notifications.search(Channel.SMS, null, mobile, 0, 10).stream()
                .anyMatch(m -> m.getBody().contains("准考证已生成") && m.getBody().contains(redone.get(first.get(0).registrationId()))));
        assertKey("ticket.alreadyPublished", () -> tickets.publish(TicketFixtures.ADMIN, batch.getId()));
        assertKey("ticket.redo.published", () -> runner.allocate(TicketFixtures.ADMIN, batch.getId(), true));
        assertKey("ticket.redo.published", () -> tickets.startAllocation(TicketFixtures.ADMIN, batch.getId(), true));
        assertKey("ticket.rule.locked", () -> tickets.saveRule(TicketFixtures.ADMIN, batch.getId(), "{batch}{room:3}{seat:3}"));
        assertEquals(redone, numbers(batch, all));
        assertEquals(0, runner.allocate(TicketFixtures.ADMIN, batch.getId(), false).get(0).placed());
    }

    @Test
    void aMisconfiguredRuleIsAClearRefusalAndWritesNothing() {
        TicketFixtures.Services s = s();
        ExamBatch batch = Fixtures.openBatch(exams, 5);
        TicketFixtures.Submitted c = TicketFixtures.approved(s, batch);
        TicketFixtures.room(s, batch, 10, 30);

        BusinessException bad = assertKey("ticket.rule.invalid", () -> tickets.saveRule(TicketFixtures.ADMIN, batch.getId(), "{yy}{batch}{sitee}"));
        assertEquals("{yy}{batch}{sitee}", bad.getArguments()[0]);
        assertKey("ticket.rule.invalid", () -> tickets.saveRule(TicketFixtures.ADMIN, batch.getId(), "{batch}{room}{seat:2}"));
        assertKey("ticket.rule.tooLong", () -> tickets.saveRule(TicketFixtures.ADMIN, batch.getId(), "X".repeat(61) + "{room:3}{seat:2}"));

        // a valid rule whose room width is too small for room 10
        tickets.saveRule(TicketFixtures.ADMIN, batch.getId(), "K{batch}-{room:1}{seat:2}");
        assertKey("ticket.rule.doesNotFit", () -> runner.allocate(TicketFixtures.ADMIN, batch.getId(), false));
        assertEquals(1, tickets.completeness(TicketFixtures.ADMIN, batch.getId()).missing(), "nothing written");
        assertFalse(tickets.progress(TicketFixtures.ADMIN, batch.getId()).running());
        assertEquals("ticket.rule.doesNotFit", tickets.progress(TicketFixtures.ADMIN, batch.getId()).errorKey());

        tickets.saveRule(TicketFixtures.ADMIN, batch.getId(), "K{batch}-{room:2}{seat:2}");
        runner.allocate(TicketFixtures.ADMIN, batch.getId(), false);
        assertEquals("K" + batch.getCode() + "-1001", tickets.ticketNumberOf(TicketFixtures.ADMIN, c.registrationId()));
        tickets.saveRule(TicketFixtures.ADMIN, Fixtures.openBatch(exams, 1).getId(), null); // blank = default, allowed
    }

    @Test
    void theTicketIsPrintableOnlyInsideTheWindowAndOnlyWhenPublished() {
        TicketFixtures.Services s = s();
        ExamBatch batch = Fixtures.openBatch(exams, 5);
        TicketFixtures.Submitted c = TicketFixtures.approved(s, batch);
        TicketFixtures.room(s, batch, 1, 30);
        runner.allocate(TicketFixtures.ADMIN, batch.getId(), false);

        // window open, not published: "being prepared", no ticket id, refused
        TicketFixtures.openPrintWindow(s, batch);
        TicketService.MyTicket preparing = tickets.mine(c.idNumber()).get(0);
        assertEquals(TicketService.TicketState.PREPARING, preparing.state());
        assertNull(preparing.ticketId());

        tickets.publish(TicketFixtures.ADMIN, batch.getId());
        TicketService.MyTicket open = tickets.mine(c.idNumber()).get(0);
        assertEquals(TicketService.TicketState.OPEN, open.state());
        Long ticketId = open.ticketId();
        assertEquals(open.ticketNo(), tickets.ticket(c.idNumber(), ticketId).ticketNo());

        // before the window: refused with the moment it opens
        moveWindow(batch, 5, 10);
        TicketService.MyTicket notYet = tickets.mine(c.idNumber()).get(0);
        assertEquals(TicketService.TicketState.NOT_YET, notYet.state());
        assertNull(notYet.ticketId(), "no ticket id before the window");
        BusinessException refused = assertKey("ticket.notYet", () -> tickets.ticket(c.idNumber(), ticketId));
        assertTrue(refused.getArguments()[0].toString().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
        assertKey("ticket.notYet", () -> tickets.ticketPdf(c.idNumber(), ticketId));

        // after it (the exam was yesterday)
        moveWindow(batch, -6, -1);
        assertEquals(TicketService.TicketState.CLOSED, tickets.mine(c.idNumber()).get(0).state());
        assertKey("ticket.windowClosed", () -> tickets.ticketPdf(c.idNumber(), ticketId));
    }

    /** Print window from {@code printFrom} days, exam at {@code examIn} days from now (negative: past). */
    private void moveWindow(ExamBatch batch, int printFrom, int examIn) {
        java.time.LocalDateTime now = java.time.LocalDateTime.now();
        var form = exams.batchForm(TicketFixtures.ADMIN, batch.getId());
        form.setRegistrationStart(now.plusDays(printFrom - 20));
        form.setRegistrationEnd(now.plusDays(printFrom - 10));
        form.setReviewEnd(now.plusDays(printFrom - 9));
        form.setPaymentEnd(now.plusDays(printFrom - 8));
        form.setTicketPrintStart(now.plusDays(printFrom));
        form.setExamStart(now.plusDays(examIn));
        form.setExamEnd(now.plusDays(examIn).plusHours(3));
        form.setTicketPrintEnd(now.plusDays(examIn).plusHours(3));
        exams.saveBatch(TicketFixtures.ADMIN, form);
    }

    @Test
    void othersGetNothing() {
        TicketFixtures.Services s = s();
        ExamBatch batch = Fixtures.openBatch(exams, 5);
        TicketFixtures.Submitted c = TicketFixtures.approved(s, batch);
        TicketFixtures.Submitted stranger = TicketFixtures.approved(s, batch);
        Long roomId = TicketFixtures.room(s, batch, 1, 30);
        runner.allocate(TicketFixtures.ADMIN, batch.getId(), false);
        tickets.publish(TicketFixtures.ADMIN, batch.getId());
        TicketFixtures.openPrintWindow(s, batch);
        Long ticketId = tickets.mine(c.idNumber()).get(0).ticketId();

        // another candidate's ticket, a made-up one
        assertKey("ticket.notFound", () -> tickets.ticket(stranger.idNumber(), ticketId));
        assertKey("ticket.notFound", () -> tickets.ticketPdf(stranger.idNumber(), ticketId));
        assertKey("ticket.notFound", () -> tickets.ticket(c.idNumber(), -5L));

        // a site admin of another site: no rooms, no sheets, no overview lines of this site
        String other = TicketFixtures.siteAdminElsewhere(s);
        assertThrows(NotFoundException.class, () -> tickets.roomPdf(other, batch.getId(), roomId));
        assertThrows(NotFoundException.class, () -> rooms.rooms(other, TicketFixtures.site(s, batch).getId()));
        assertTrue(tickets.overview(other, batch.getId()).sites().isEmpty());
        assertTrue(tickets.overview(other, batch.getId()).rooms().isEmpty());
        assertThrows(AccessDeniedException.class, () -> tickets.publish(other, batch.getId()));
        assertThrows(AccessDeniedException.class, () -> runner.allocate(other, batch.getId(), false));
        // the site's own admin gets the room
        String own = "so" + TestData.code(8).toLowerCase();
        staff.create(own, "本考点管理员", "Kaoshi2026!x".toCharArray(), StaffRole.SITE_ADMIN, TicketFixtures.site(s, batch).getId());
        assertTrue(tickets.roomPdf(own, batch.getId(), roomId).length > 1000);
        assertKey("ticket.room.empty", () -> tickets.roomPdf(own, batch.getId(),
                TicketFixtures.room(s, batch, 2, 30)));
        // an operator: nothing at all
        String operator = "op" + TestData.code(8).toLowerCase();
        staff.create(operator, "操作员", "Kaoshi2026!x".toCharArray(), StaffRole.OPERATOR, null);
        assertThrows(AccessDeniedException.class, () -> tickets.overview(operator, batch.getId()));
        assertThrows(AccessDeniedException.class, () -> tickets.roomPdf(operator, batch.getId(), roomId));
    }

    @Test
    void thePdfsCarryTheFactsInChinese() throws Exception {
        TicketFixtures.Services s = s();
        ExamBatch batch = Fixtures.openBatch(exams, 5);
        TicketFixtures.Submitted c = TicketFixtures.approved(s, batch);
        TicketFixtures.Submitted d = TicketFixtures.approved(s, batch);
        Long roomId = TicketFixtures.room(s, batch, 7, 30);
        runner.allocate(TicketFixtures.ADMIN, batch.getId(), false);
        tickets.publish(TicketFixtures.ADMIN, batch.getId());
        TicketFixtures.openPrintWindow(s, batch);
        TicketService.MyTicket mine = tickets.mine(c.idNumber()).get(0);

        String text = text(tickets.ticketPdf(c.idNumber(), mine.ticketId()), 1);
        for (String expected : List.of(mine.ticketNo(), "测试考生", c.idNumber(), batch.getName(),
                TicketFixtures.site(s, batch).getName(), "杭州市测试路 1 号", "第007考场", "01", "上午 09:00–11:30 综合知识",
                "测试岗位", "考生凭本准考证和有效居民身份证原件进入考场")) {
            assertTrue(text.contains(expected), () -> "missing " + expected + " in: " + text);
        }

        byte[] room = tickets.roomPdf(TicketFixtures.ADMIN, batch.getId(), roomId);
        PdfReader reader = new PdfReader(room);
        assertEquals(3, reader.getNumberOfPages(), "sign-in sheet and two tickets");
        reader.close();
        // a long (test) ticket number wraps in its column: compare without line breaks
        String sheet = text(room, 1).replaceAll("\\s", "");
        assertTrue(sheet.contains("考场签到表"), sheet);
        assertTrue(sheet.contains(mine.ticketNo()), sheet);
        assertFalse(sheet.contains(c.idNumber()), "ID numbers are masked on the sheet");
        assertTrue(sheet.contains(c.idNumber().substring(0, 6)), sheet);
        assertTrue(text(room, 3).replaceAll("\\s", "").contains(tickets.mine(d.idNumber()).get(0).ticketNo()));
    }

    private static String text(byte[] pdf, int page) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            return new PdfTextExtractor(reader).getTextFromPage(page);
        } finally {
            reader.close();
        }
    }

    /** registration id → ticket number (it encodes room and seat), as the admin sees it. */
    private Map<Long, String> numbers(ExamBatch batch, List<TicketFixtures.Submitted> who) {
        Map<Long, String> result = new HashMap<>();
        for (TicketFixtures.Submitted c : who) {
            String n = tickets.ticketNumberOf(TicketFixtures.ADMIN, c.registrationId());
            if (n != null) {
                result.put(c.registrationId(), n);
            }
        }
        return result;
    }

    private static Long registrationIdOf(String registrationNo, List<TicketFixtures.Submitted> who) {
        // 报名号 = batch code + 7-digit id
        Long id = Long.valueOf(registrationNo.substring(registrationNo.length() - 7));
        return who.stream().map(TicketFixtures.Submitted::registrationId).filter(id::equals).findFirst().orElse(null);
    }

    private static BusinessException assertKey(String key, org.junit.jupiter.api.function.Executable action) {
        BusinessException e = assertThrows(BusinessException.class, action);
        assertEquals(key, e.getMessageKey());
        return e;
    }
}
