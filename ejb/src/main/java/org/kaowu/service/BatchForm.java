package org.kaowu.service;

import org.kaowu.domain.exam.BatchSchedule;
import org.kaowu.domain.exam.ExamBatch;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * The editable facts of an exam batch as the admin form holds them, with the version it was loaded at, so
 * that saving over somebody else's newer change is refused instead of silently overwriting it.
 */
public class BatchForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private int version;
    private String code;
    private String name;
    private String examSessions;
    private LocalDateTime registrationStart;
    private LocalDateTime registrationEnd;
    private LocalDateTime reviewEnd;
    private LocalDateTime paymentEnd;
    private LocalDateTime examStart;
    private LocalDateTime examEnd;
    /** Empty for the default: from 5 days before the exam to the exam's end. */
    private LocalDateTime ticketPrintStart;
    private LocalDateTime ticketPrintEnd;
    private LocalDateTime scorePublishAt;
    private LocalDateTime certificateIssueAt;

    public static BatchForm of(ExamBatch batch) {
        BatchForm form = new BatchForm();
        form.id = batch.getId();
        form.version = batch.getVersion();
        form.code = batch.getCode();
        form.name = batch.getName();
        form.examSessions = batch.getExamSessions();
        BatchSchedule s = batch.getSchedule();
        form.registrationStart = s.getRegistrationStart();
        form.registrationEnd = s.getRegistrationEnd();
        form.reviewEnd = s.getReviewEnd();
        form.paymentEnd = s.getPaymentEnd();
        form.examStart = s.getExamStart();
        form.examEnd = s.getExamEnd();
        form.ticketPrintStart = s.getTicketPrintStart();
        form.ticketPrintEnd = s.getTicketPrintEnd();
        form.scorePublishAt = s.getScorePublishAt();
        form.certificateIssueAt = s.getCertificateIssueAt();
        return form;
    }

    public BatchSchedule schedule() {
        return new BatchSchedule(registrationStart, registrationEnd, reviewEnd, paymentEnd, examStart, examEnd,
                ticketPrintStart, ticketPrintEnd, scorePublishAt, certificateIssueAt);
    }

    public boolean isNew() { return id == null; }
    public Long getId() { return id; }
    public int getVersion() { return version; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getExamSessions() { return examSessions; }
    public void setExamSessions(String examSessions) { this.examSessions = examSessions; }
    public LocalDateTime getRegistrationStart() { return registrationStart; }
    public void setRegistrationStart(LocalDateTime v) { this.registrationStart = v; }
    public LocalDateTime getRegistrationEnd() { return registrationEnd; }
    public void setRegistrationEnd(LocalDateTime v) { this.registrationEnd = v; }
    public LocalDateTime getReviewEnd() { return reviewEnd; }
    public void setReviewEnd(LocalDateTime v) { this.reviewEnd = v; }
    public LocalDateTime getPaymentEnd() { return paymentEnd; }
    public void setPaymentEnd(LocalDateTime v) { this.paymentEnd = v; }
    public LocalDateTime getExamStart() { return examStart; }
    public void setExamStart(LocalDateTime v) { this.examStart = v; }
    public LocalDateTime getExamEnd() { return examEnd; }
    public void setExamEnd(LocalDateTime v) { this.examEnd = v; }
    public LocalDateTime getTicketPrintStart() { return ticketPrintStart; }
    public void setTicketPrintStart(LocalDateTime v) { this.ticketPrintStart = v; }
    public LocalDateTime getTicketPrintEnd() { return ticketPrintEnd; }
    public void setTicketPrintEnd(LocalDateTime v) { this.ticketPrintEnd = v; }
    public LocalDateTime getScorePublishAt() { return scorePublishAt; }
    public void setScorePublishAt(LocalDateTime v) { this.scorePublishAt = v; }
    public LocalDateTime getCertificateIssueAt() { return certificateIssueAt; }
    public void setCertificateIssueAt(LocalDateTime v) { this.certificateIssueAt = v; }
}
