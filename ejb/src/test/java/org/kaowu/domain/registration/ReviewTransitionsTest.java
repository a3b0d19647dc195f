package org.kaowu.domain.registration;

import org.junit.jupiter.api.Test;
import org.kaowu.domain.candidate.Candidate;
import org.kaowu.domain.exam.BatchSchedule;
import org.kaowu.domain.exam.BatchSite;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.exam.Position;
import org.kaowu.exception.BusinessException;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 审核通过 is two steps (review, then on-site payment); 审核不通过 is possible until payment. */
class ReviewTransitionsTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 10, 0);

    private static Registration submitted() {
        ExamBatch batch = new ExamBatch("2026A", "测试", new BatchSchedule(NOW, NOW.plusDays(1), NOW.plusDays(2),
                NOW.plusDays(2), NOW.plusDays(10), NOW.plusDays(10).plusHours(2)));
        BatchSite site = new BatchSite(batch, new ExamSite("HZ01", "杭州", "杭州市"), 10);
        Registration r = new Registration(null, batch, site, new LinkedHashSet<>(List.of(
                new Position("A01", "一", new BigDecimal("120.00"), BigDecimal.TEN),
                new Position("B02", "二", new BigDecimal("150.50"), BigDecimal.TEN))), NOW);
        r.submit(new Candidate() { }, null, NOW);
        return r;
    }

    @Test
    void passThenPayApproves() {
        Registration r = submitted();
        assertEquals(new BigDecimal("270.50"), r.fee());
        assertWrongStatus(() -> r.recordPayment(r.fee(), "R1", "hz01", NOW));
        r.review("hz01", NOW);
        assertEquals(RegistrationStatus.REVIEWED, r.getStatus());
        assertTrue(r.getStatus().holdsSeat());
        assertWrongStatus(() -> r.review("hz01", NOW));
        r.recordPayment(r.fee(), "R1", "hz01", NOW.plusHours(1));
        assertEquals(RegistrationStatus.APPROVED, r.getStatus());
        assertEquals("R1", r.getReceiptNo());
        assertWrongStatus(() -> r.reject("太晚了", "admin", NOW));
        assertFalse(r.getStatus().isEditable());
    }

    @Test
    void rejectionBeforePaymentFreesTheRegistrationForCorrection() {
        Registration r = submitted();
        r.review("hz01", NOW);
        r.reject("照片不清晰", "admin", NOW);
        assertEquals(RegistrationStatus.REJECTED, r.getStatus());
        assertFalse(r.isSeatHeld());
        assertTrue(r.getStatus().isEditable());
        assertEquals("照片不清晰", r.getRejectReason());
        r.submit(new Candidate() { }, null, NOW.plusHours(2));
        assertEquals(RegistrationStatus.SUBMITTED, r.getStatus());
        assertNull(r.getRejectReason());
        assertNull(r.getReviewedAt(), "a resubmission is reviewed afresh");
    }

    private static void assertWrongStatus(org.junit.jupiter.api.function.Executable action) {
        assertEquals("review.wrongStatus", assertThrows(BusinessException.class, action).getMessageKey());
    }
}
