package org.kaowu.domain.registration;

import java.io.Serializable;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import org.kaowu.domain.candidate.Candidate;
import org.kaowu.domain.candidate.Gender;
import org.kaowu.domain.exam.BatchSite;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.Position;
import org.kaowu.exception.BusinessException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

/** 报名 — a candidate's registration for one exam batch: site, positions, status and the profile snapshot. */
@Entity
@Table(name = "registration")
public class Registration implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int REASON_LENGTH = 200;
    public static final int RECEIPT_LENGTH = 40;

    @Id
    @SequenceGenerator(name = "registration_seq", sequenceName = "registration_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "registration_seq")
    private Long id;

    /** 报名号, printed on the form. */
    @Column(name = "registration_no", nullable = false, unique = true, length = 32)
    private String registrationNo;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "candidate_id", nullable = false)
    private Candidate candidate;

    @ManyToOne(optional = false)
    @JoinColumn(name = "batch_id", nullable = false)
    private ExamBatch batch;

    @ManyToOne(optional = false)
    @JoinColumn(name = "batch_site_id", nullable = false)
    private BatchSite batchSite;

    @ManyToMany
    @JoinTable(name = "registration_position",
            joinColumns = @JoinColumn(name = "registration_id"),
            inverseJoinColumns = @JoinColumn(name = "position_id"))
    @OrderBy("code")
    private Set<Position> positions = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private RegistrationStatus status = RegistrationStatus.DRAFT;

    /** Whether this registration currently occupies a seat (kept in step with batch_site.seats_taken). */
    @Column(name = "seat_held", nullable = false)
    private boolean seatHeld;

    @Size(max = REASON_LENGTH)
    @Column(name = "reject_reason", length = REASON_LENGTH)
    private String rejectReason;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Column(name = "submitted_at")
    private LocalDateTime submittedAt;

    @Column(name = "snap_name", length = 50) private String snapName;
    @Enumerated(EnumType.STRING) @Column(name = "snap_gender", length = 6) private Gender snapGender;
    @Column(name = "snap_birth_date") private LocalDate snapBirthDate;
    @Column(name = "snap_ethnicity", length = 20) private String snapEthnicity;
    @Column(name = "snap_political_status", length = 20) private String snapPoliticalStatus;
    @Column(name = "snap_education", length = 20) private String snapEducation;
    @Column(name = "snap_major", length = 100) private String snapMajor;
    @Column(name = "snap_school", length = 100) private String snapSchool;
    @Column(name = "snap_graduation_date") private LocalDate snapGraduationDate;
    @Column(name = "snap_employer", length = 100) private String snapEmployer;
    @Column(name = "snap_mobile", length = 11) private String snapMobile;
    @Column(name = "snap_email", length = 100) private String snapEmail;
    @Column(name = "snap_address", length = 200) private String snapAddress;
    @Column(name = "snap_postcode", length = 6) private String snapPostcode;
    @Basic(fetch = FetchType.LAZY) @Column(name = "snap_photo") private byte[] snapPhoto;

    // 审核 and 现场缴费
    @Column(name = "reviewed_by", length = 50) private String reviewedBy;
    @Column(name = "reviewed_at") private LocalDateTime reviewedAt;
    @Column(name = "paid_amount", precision = 10, scale = 2) private BigDecimal paidAmount;
    @Column(name = "receipt_no", length = RECEIPT_LENGTH) private String receiptNo;
    @Column(name = "paid_by", length = 50) private String paidBy;
    @Column(name = "paid_at") private LocalDateTime paidAt;

    @Version
    private int version;

    protected Registration() {
        // JPA
    }

    public Registration(Candidate candidate, ExamBatch batch, BatchSite batchSite, Set<Position> positions,
                        LocalDateTime now) {
        this.candidate = candidate;
        this.batch = batch;
        this.createdAt = now;
        choose(batchSite, positions, now);
    }

    /** 报名号: the batch code and the registration's own id, unique by construction. Call once the id exists. */
    public void numberWithin(ExamBatch batch) {
        this.registrationNo = batch.getCode() + String.format("%07d", id);
    }

    /** 确认选择: site and positions (only while editable; the service checks). */
    public final void choose(BatchSite site, Set<Position> chosen, LocalDateTime now) {
        this.batchSite = site;
        this.positions.clear();
        this.positions.addAll(chosen);
        if (status != RegistrationStatus.DRAFT) {
            this.status = RegistrationStatus.DRAFT;
        }
        this.updatedAt = now;
    }

    /** 提交审核: keeps what the reviewers will see; the caller has already taken the seat. */
    public void submit(Candidate profile, byte[] photo, LocalDateTime now) {
        // The lazy photo first: writing an unfetched lazy attribute makes EclipseLink load the rest of the
        // entity from the database, which would overwrite any field set before it in this method.
        snapPhoto = photo == null ? null : photo.clone();
        snapName = profile.getName();
        snapGender = profile.getGender();
        snapBirthDate = profile.getBirthDate();
        snapEthnicity = profile.getEthnicity();
        snapPoliticalStatus = profile.getPoliticalStatus();
        snapEducation = profile.getEducation();
        snapMajor = profile.getMajor();
        snapSchool = profile.getSchool();
        snapGraduationDate = profile.getGraduationDate();
        snapEmployer = profile.getEmployer();
        snapMobile = profile.getMobile();
        snapEmail = profile.getEmail();
        snapAddress = profile.getAddress();
        snapPostcode = profile.getPostcode();
        status = RegistrationStatus.SUBMITTED;
        seatHeld = true;
        rejectReason = null;
        reviewedBy = null;
        reviewedAt = null;
        submittedAt = now;
        updatedAt = now;
    }

    /** 审核通过 (first step): the documents are in order; payment is still outstanding. */
    public void review(String by, LocalDateTime now) {
        requireStatus(RegistrationStatus.SUBMITTED);
        status = RegistrationStatus.REVIEWED;
        reviewedBy = by;
        reviewedAt = now;
        updatedAt = now;
    }

    /** 审核不通过: before payment only; the caller gives the seat back and tells the candidate the reason. */
    public void reject(String reason, String by, LocalDateTime now) {
        requireStatus(RegistrationStatus.SUBMITTED, RegistrationStatus.REVIEWED);
        status = RegistrationStatus.REJECTED;
        rejectReason = reason;
        seatHeld = false;
        reviewedBy = by;
        reviewedAt = now;
        updatedAt = now;
    }

    /** 现场缴费: the fee was paid on site against a receipt; the registration is now 审核通过. */
    public void recordPayment(BigDecimal amount, String receipt, String by, LocalDateTime now) {
        requireStatus(RegistrationStatus.REVIEWED);
        status = RegistrationStatus.APPROVED;
        paidAmount = amount;
        receiptNo = receipt;
        paidBy = by;
        paidAt = now;
        updatedAt = now;
    }

    /** The fee due on site: the sum of the chosen positions' fees. */
    public BigDecimal fee() {
        return positions.stream().map(Position::getFee).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void requireStatus(RegistrationStatus... allowed) {
        for (RegistrationStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new BusinessException("review.wrongStatus", registrationNo, status.name());
    }

    /** 撤回: back out before review; the caller gives the seat back. */
    public void withdraw(LocalDateTime now) {
        status = RegistrationStatus.WITHDRAWN;
        seatHeld = false;
        updatedAt = now;
    }

    public Long getId() { return id; }
    public String getRegistrationNo() { return registrationNo; }
    public Candidate getCandidate() { return candidate; }
    public ExamBatch getBatch() { return batch; }
    public BatchSite getBatchSite() { return batchSite; }
    public Set<Position> getPositions() { return positions; }
    public RegistrationStatus getStatus() { return status; }
    public boolean isSeatHeld() { return seatHeld; }
    public String getRejectReason() { return rejectReason; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public LocalDateTime getSubmittedAt() { return submittedAt; }
    public String getSnapName() { return snapName; }
    public Gender getSnapGender() { return snapGender; }
    public LocalDate getSnapBirthDate() { return snapBirthDate; }
    public String getSnapEthnicity() { return snapEthnicity; }
    public String getSnapPoliticalStatus() { return snapPoliticalStatus; }
    public String getSnapEducation() { return snapEducation; }
    public String getSnapMajor() { return snapMajor; }
    public String getSnapSchool() { return snapSchool; }
    public LocalDate getSnapGraduationDate() { return snapGraduationDate; }
    public String getSnapEmployer() { return snapEmployer; }
    public String getSnapMobile() { return snapMobile; }
    public String getSnapEmail() { return snapEmail; }
    public String getSnapAddress() { return snapAddress; }
    public String getSnapPostcode() { return snapPostcode; }
    public byte[] getSnapPhoto() { return snapPhoto == null ? null : snapPhoto.clone(); }
    public String getReviewedBy() { return reviewedBy; }
    public LocalDateTime getReviewedAt() { return reviewedAt; }
    public BigDecimal getPaidAmount() { return paidAmount; }
    public String getReceiptNo() { return receiptNo; }
    public String getPaidBy() { return paidBy; }
    public LocalDateTime getPaidAt() { return paidAt; }
    public int getVersion() { return version; }
}
