package org.kaowu.domain.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * 证书 — the certificate of one passed (admission ticket, position): its number (证书编号, by
 * {@link CertificateNumberRule}), its verification code (验证码, {@link VerificationCode}, dashed form), the pass
 * date and when it was issued. Written in bulk by the numbering job, so the foreign keys are plain id columns.
 * Only ever inserted with its number: a passer without a certificate is a passer without a number.
 */
@Entity
@Table(name = "certificate")
public class Certificate {

    public static final int NUMBER_LENGTH = 40;

    @Id
    @SequenceGenerator(name = "certificate_seq", sequenceName = "certificate_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificate_seq")
    private Long id;

    @Column(name = "batch_id", nullable = false)
    private Long batchId;

    @Column(name = "registration_id", nullable = false)
    private Long registrationId;

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Column(name = "position_id", nullable = false)
    private Long positionId;

    @Column(name = "certificate_no", nullable = false, length = NUMBER_LENGTH)
    private String certificateNo;

    @Column(name = "verification_code", nullable = false, length = VerificationCode.TEXT_LENGTH)
    private String verificationCode;

    @Column(name = "pass_date", nullable = false)
    private LocalDate passDate;

    @Column(name = "issued_at", nullable = false)
    private LocalDateTime issuedAt;

    @Column(name = "run_id")
    private Long runId;

    protected Certificate() {
        // JPA
    }

    public Certificate(Long batchId, Long registrationId, Long ticketId, Long positionId, String certificateNo,
                       String verificationCode, LocalDate passDate, LocalDateTime issuedAt, Long runId) {
        this.batchId = batchId;
        this.registrationId = registrationId;
        this.ticketId = ticketId;
        this.positionId = positionId;
        this.certificateNo = certificateNo;
        this.verificationCode = verificationCode;
        this.passDate = passDate;
        this.issuedAt = issuedAt;
        this.runId = runId;
    }

    public Long getId() { return id; }
    public Long getBatchId() { return batchId; }
    public Long getRegistrationId() { return registrationId; }
    public Long getTicketId() { return ticketId; }
    public Long getPositionId() { return positionId; }
    public String getCertificateNo() { return certificateNo; }
    public String getVerificationCode() { return verificationCode; }
    public LocalDate getPassDate() { return passDate; }
    public LocalDateTime getIssuedAt() { return issuedAt; }
    public Long getRunId() { return runId; }
}
