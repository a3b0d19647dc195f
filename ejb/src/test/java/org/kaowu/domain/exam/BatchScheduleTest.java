package org.kaowu.domain.exam;

import org.junit.jupiter.api.Test;
import org.kaowu.exception.BusinessException;

import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every date rule of a batch, and its status changes. */
class BatchScheduleTest {

    private static final LocalDateTime T = LocalDateTime.of(2027, 3, 1, 9, 0);

    private static BatchSchedule schedule(LocalDateTime ticketStart, LocalDateTime scores, LocalDateTime certificates) {
        return new BatchSchedule(T, T.plusDays(10), T.plusDays(12), T.plusDays(13), T.plusDays(20),
                T.plusDays(20).plusHours(3), ticketStart, null, scores, certificates);
    }

    @Test
    void aConsistentScheduleHasNoProblemsAndTheDefaultTicketWindowIsTheFiveDaysBeforeTheExam() {
        BatchSchedule s = schedule(null, T.plusDays(30), T.plusDays(40));
        assertEquals(List.of(), s.problems());
        assertEquals(T.plusDays(15), s.getTicketPrintStart());
        assertEquals(T.plusDays(20).plusHours(3), s.getTicketPrintEnd());
        assertTrue(s.isTicketPrintableAt(T.plusDays(15)));
        assertTrue(!s.isTicketPrintableAt(T.plusDays(15).minusMinutes(1)));
    }

    @Test
    void ticketsNeverOpenBeforePaymentEndsNorAfterTheExamStarts() {
        assertEquals(List.of("batch.schedule.ticketWindow"), schedule(T.plusDays(12), null, null).problems());
        assertEquals(List.of("batch.schedule.ticketWindow"), schedule(T.plusDays(20).plusMinutes(1), null, null).problems());
        assertEquals(List.of(), schedule(T.plusDays(13), null, null).problems());
    }

    @Test
    void scoresComeAfterTheExamAndCertificatesAfterTheScores() {
        assertEquals(List.of("batch.schedule.scoreBeforeExamEnd"), schedule(null, T.plusDays(20), null).problems());
        assertEquals(List.of("batch.schedule.certificateBeforeScore"), schedule(null, null, T.plusDays(40)).problems());
        assertEquals(List.of("batch.schedule.certificateBeforeScore"), schedule(null, T.plusDays(30), T.plusDays(29)).problems());
    }

    @Test
    void registrationReviewPaymentAndExamFollowEachOther() {
        assertEquals("batch.schedule.registrationOrder", new BatchSchedule(T, T, T.plusDays(1), T.plusDays(1),
                T.plusDays(20), T.plusDays(21)).problems().get(0));
        assertEquals("batch.schedule.reviewBeforeRegistrationEnd", new BatchSchedule(T, T.plusDays(10), T.plusDays(9),
                T.plusDays(11), T.plusDays(20), T.plusDays(21)).problems().get(0));
        assertEquals("batch.schedule.paymentBeforeRegistrationEnd", new BatchSchedule(T, T.plusDays(10), T.plusDays(11),
                T.plusDays(9), T.plusDays(20), T.plusDays(21)).problems().get(0));
        assertEquals("batch.schedule.examOrder", new BatchSchedule(T, T.plusDays(10), T.plusDays(11),
                T.plusDays(11), T.plusDays(20), T.plusDays(20)).problems().get(0));
        assertEquals("batch.schedule.examBeforeReview", new BatchSchedule(T, T.plusDays(10), T.plusDays(25),
                T.plusDays(11), T.plusDays(20), T.plusDays(21)).problems().get(0));
        assertEquals(List.of("batch.schedule.incomplete"), new BatchSchedule(T, null, T, T, T, T).problems());
    }

    @Test
    void statusesMoveDraftOpenClosedArchivedAndNoOtherWay() {
        ExamBatch batch = new ExamBatch("2027A", "测试", schedule(null, null, null));
        assertKey("batch.transition", () -> batch.moveTo(BatchStatus.CLOSED));
        batch.moveTo(BatchStatus.OPEN);
        assertKey("batch.transition", () -> batch.moveTo(BatchStatus.ARCHIVED));
        batch.moveTo(BatchStatus.CLOSED);
        batch.moveTo(BatchStatus.OPEN);
        batch.moveTo(BatchStatus.CLOSED);
        batch.moveTo(BatchStatus.ARCHIVED);
        assertTrue(!batch.isEditable());
        for (BatchStatus s : BatchStatus.values()) {
            assertKey("batch.transition", () -> batch.moveTo(s));
        }
        ExamBatch contradictory = new ExamBatch("2027B", "矛盾", schedule(T.plusDays(1), null, null));
        assertKey("batch.schedule.ticketWindow", () -> contradictory.moveTo(BatchStatus.OPEN));
        assertEquals(BatchStatus.DRAFT, contradictory.getStatus());
    }

    @Test
    void sessionsAreTheNonBlankLines() {
        ExamBatch batch = new ExamBatch("2027A", "测试", schedule(null, null, null));
        batch.setExamSessions(" 上午 09:00–11:30 综合知识 \n\n下午 14:00–16:30 专业实务\n");
        assertEquals(List.of("上午 09:00–11:30 综合知识", "下午 14:00–16:30 专业实务"), batch.sessionLines());
    }

    private static void assertKey(String key, org.junit.jupiter.api.function.Executable action) {
        assertEquals(key, assertThrows(BusinessException.class, action).getMessageKey());
    }
}
