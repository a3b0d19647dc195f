package org.kaowu.domain.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Every date that drives an exam batch. Times are the exam centre's local time (the server runs in
 * Asia/Shanghai). {@link #problems()} names what contradicts; the service refuses such a schedule.
 */
@Embeddable
public class BatchSchedule implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Admission tickets can be printed from this many days before the exam (candidate manual, section 5). */
    public static final int TICKET_WINDOW_DAYS = 5;

    @NotNull @Column(name = "registration_start", nullable = false)
    private LocalDateTime registrationStart;
    @NotNull @Column(name = "registration_end", nullable = false)
    private LocalDateTime registrationEnd;
    @NotNull @Column(name = "review_end", nullable = false)
    private LocalDateTime reviewEnd;
    @NotNull @Column(name = "payment_end", nullable = false)
    private LocalDateTime paymentEnd;
    @NotNull @Column(name = "exam_start", nullable = false)
    private LocalDateTime examStart;
    @NotNull @Column(name = "exam_end", nullable = false)
    private LocalDateTime examEnd;
    @NotNull @Column(name = "ticket_print_start", nullable = false)
    private LocalDateTime ticketPrintStart;
    @NotNull @Column(name = "ticket_print_end", nullable = false)
    private LocalDateTime ticketPrintEnd;
    /** 成绩发布: not before the exam has ended; may be set later. */
    @Column(name = "score_publish_at")
    private LocalDateTime scorePublishAt;
    /** 证书发放: after the scores are published; may be set later. */
    @Column(name = "certificate_issue_at")
    private LocalDateTime certificateIssueAt;

    protected BatchSchedule() {
        // JPA
    }

    /** A schedule with the default ticket window: from 5 days before the exam to the exam's end. */
    public BatchSchedule(LocalDateTime registrationStart, LocalDateTime registrationEnd, LocalDateTime reviewEnd,
                         LocalDateTime paymentEnd, LocalDateTime examStart, LocalDateTime examEnd) {
        this.registrationStart = registrationStart;
        this.registrationEnd = registrationEnd;
        this.reviewEnd = reviewEnd;
        this.paymentEnd = paymentEnd;
        this.examStart = examStart;
        this.examEnd = examEnd;
        this.ticketPrintStart = examStart == null ? null : examStart.minusDays(TICKET_WINDOW_DAYS);
        this.ticketPrintEnd = examEnd;
    }

    /** Every date given; the ticket window and the later dates as the admin set them. */
    public BatchSchedule(LocalDateTime registrationStart, LocalDateTime registrationEnd, LocalDateTime reviewEnd,
                         LocalDateTime paymentEnd, LocalDateTime examStart, LocalDateTime examEnd,
                         LocalDateTime ticketPrintStart, LocalDateTime ticketPrintEnd,
                         LocalDateTime scorePublishAt, LocalDateTime certificateIssueAt) {
        this(registrationStart, registrationEnd, reviewEnd, paymentEnd, examStart, examEnd);
        if (ticketPrintStart != null) {
            this.ticketPrintStart = ticketPrintStart;
        }
        if (ticketPrintEnd != null) {
            this.ticketPrintEnd = ticketPrintEnd;
        }
        this.scorePublishAt = scorePublishAt;
        this.certificateIssueAt = certificateIssueAt;
    }

    /** Bundle keys of the contradictions in this schedule; empty when it is consistent. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (registrationStart == null || registrationEnd == null || reviewEnd == null || paymentEnd == null
                || examStart == null || examEnd == null || ticketPrintStart == null || ticketPrintEnd == null) {
            problems.add("batch.schedule.incomplete");
            return problems;
        }
        if (!registrationStart.isBefore(registrationEnd)) {
            problems.add("batch.schedule.registrationOrder");
        }
        if (reviewEnd.isBefore(registrationEnd)) {
            problems.add("batch.schedule.reviewBeforeRegistrationEnd");
        }
        if (paymentEnd.isBefore(registrationEnd)) {
            problems.add("batch.schedule.paymentBeforeRegistrationEnd");
        }
        if (!examStart.isBefore(examEnd)) {
            problems.add("batch.schedule.examOrder");
        }
        if (examStart.isBefore(reviewEnd) || examStart.isBefore(paymentEnd) || examStart.isBefore(registrationEnd)) {
            problems.add("batch.schedule.examBeforeReview");
        }
        if (!ticketPrintStart.isBefore(ticketPrintEnd) || ticketPrintStart.isAfter(examStart)
                || ticketPrintStart.isBefore(paymentEnd)) {
            problems.add("batch.schedule.ticketWindow");
        }
        if (scorePublishAt != null && scorePublishAt.isBefore(examEnd)) {
            problems.add("batch.schedule.scoreBeforeExamEnd");
        }
        if (certificateIssueAt != null && (scorePublishAt == null || certificateIssueAt.isBefore(scorePublishAt))) {
            problems.add("batch.schedule.certificateBeforeScore");
        }
        return problems;
    }

    public boolean isRegistrationOpenAt(LocalDateTime now) {
        return !now.isBefore(registrationStart) && now.isBefore(registrationEnd);
    }

    public boolean isTicketPrintableAt(LocalDateTime now) {
        return !now.isBefore(ticketPrintStart) && now.isBefore(ticketPrintEnd);
    }

    public LocalDateTime getRegistrationStart() { return registrationStart; }
    public LocalDateTime getRegistrationEnd() { return registrationEnd; }
    public LocalDateTime getReviewEnd() { return reviewEnd; }
    public LocalDateTime getPaymentEnd() { return paymentEnd; }
    public LocalDateTime getExamStart() { return examStart; }
    public LocalDateTime getExamEnd() { return examEnd; }
    public LocalDateTime getTicketPrintStart() { return ticketPrintStart; }
    public LocalDateTime getTicketPrintEnd() { return ticketPrintEnd; }
    public LocalDateTime getScorePublishAt() { return scorePublishAt; }
    public LocalDateTime getCertificateIssueAt() { return certificateIssueAt; }
}
