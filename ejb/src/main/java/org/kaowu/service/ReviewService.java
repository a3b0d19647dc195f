package org.kaowu.service;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.account.StaffAccount;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.audit.AuditAction;
import org.kaowu.domain.candidate.CandidateImageRepository;
import org.kaowu.domain.candidate.IdNumber;
import org.kaowu.domain.candidate.image.ImageKind;
import org.kaowu.domain.registration.Registration;
import org.kaowu.domain.registration.RegistrationRepository;
import org.kaowu.domain.registration.RegistrationStatus;
import org.kaowu.domain.registration.ReviewFilter;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.ConflictException;
import org.kaowu.exception.NotFoundException;
import org.kaowu.export.XlsxTable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 报名审核 and 现场缴费. Province admins review every site, site admins only their own (another site's
 * registration is "not found", and the attempt is logged); operators do not review. 审核通过 is two steps:
 * the review (SUBMITTED → REVIEWED, 审核通过，待缴费) and the payment record (REVIEWED → APPROVED, 审核通过).
 * 审核不通过 is possible until payment; it gives the seat back and tells the candidate why, who can then
 * correct the registration and submit it again. Every action names the version the admin saw: acting on a
 * registration another admin has changed since is refused with a clear message.
 */
@Stateless
public class ReviewService {

    public static final int MAX_PAGE_SIZE = 500;
    /** A bulk action or an export covers at most this many registrations; narrow the filter for more. */
    public static final int MAX_BULK = 5_000;

    private static final StaffRole[] REVIEWERS = {StaffRole.PROVINCE_ADMIN, StaffRole.SITE_ADMIN};
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    private RegistrationRepository registrations;
    @Inject
    private CandidateImageRepository images;
    @Inject
    private RegistrationForms forms;
    @Inject
    private StaffGuard guard;
    @Inject
    private Clock clock;
    @EJB
    private AuditService audit;
    @EJB
    private NotificationService notifications;

    /** One page of the review list; a site admin's filter is always narrowed to the own site. */
    public List<Registration> search(@NotNull String username, @NotNull ReviewFilter filter, @Min(0) int first,
                                     @Min(1) @Max(MAX_PAGE_SIZE) int max) {
        StaffAccount staff = guard.require(username, "review.search", REVIEWERS);
        List<Registration> page = registrations.search(scoped(staff, filter), first, max);
        page.forEach(r -> r.getPositions().size());
        return page;
    }

    public long count(@NotNull String username, @NotNull ReviewFilter filter) {
        StaffAccount staff = guard.require(username, "review.search", REVIEWERS);
        return registrations.count(scoped(staff, filter));
    }

    /** One registration with everything the review page shows. */
    public Registration registration(@NotNull String username, @NotNull Long registrationId) {
        StaffAccount staff = guard.require(username, "review.view", REVIEWERS);
        Registration registration = visible(staff, registrationId);
        registration.getPositions().size();
        return registration;
    }

    /** 审核通过 (review step): documents in order; the candidate is told to pay on site. */
    public Registration pass(@NotNull String username, @NotNull Long registrationId, int version) {
        StaffAccount staff = guard.require(username, "review.pass", REVIEWERS);
        Registration r = visible(staff, registrationId);
        ExamService.requireVersion(r.getVersion(), version);
        passOne(staff, r, AuditAction.REVIEW_PASS);
        return r;
    }

    /** 审核不通过 with the reason the candidate will read; the seat goes back to the site. */
    public Registration reject(@NotNull String username, @NotNull Long registrationId, int version, String reason) {
        StaffAccount staff = guard.require(username, "review.reject", REVIEWERS);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new BusinessException("review.reasonRequired");
        }
        if (text.length() > Registration.REASON_LENGTH) {
            throw new BusinessException("review.reasonTooLong", Registration.REASON_LENGTH);
        }
        Registration r = visible(staff, registrationId);
        ExamService.requireVersion(r.getVersion(), version);
        RegistrationStatus before = r.getStatus();
        r.reject(text, staff.getUsername(), now());
        flush(); // before the seat's UPDATE statement, so a concurrent decision surfaces as a conflict here
        registrations.releaseSeat(r.getBatchSite().getId());
        audit.record(staff.getUsername(), AuditAction.REVIEW_REJECT, "registration", r.getId(),
                r.getRegistrationNo() + " " + r.getSnapName(), before.name(), r.getStatus().name() + "; " + text);
        tell(r, "sms.registrationRejected", "email.registrationRejected.subject", r.getBatch().getName(),
                r.getRegistrationNo(), text);
        return r;
    }

    /**
     * 现场缴费: the amount must be the fee due (the sum of the chosen positions' fees) and the receipt number
     * must not have been used before. The registration is then 审核通过 — 报名成功.
     */
    public Registration recordPayment(@NotNull String username, @NotNull Long registrationId, int version,
                                      BigDecimal amount, String receiptNo) {
        StaffAccount staff = guard.require(username, "review.payment", REVIEWERS);
        String receipt = receiptNo == null ? "" : receiptNo.strip();
        if (receipt.isEmpty()) {
            throw new BusinessException("payment.receiptRequired");
        }
        if (receipt.length() > Registration.RECEIPT_LENGTH || !receipt.matches("[0-9A-Za-z-]+")) {
            throw new BusinessException("payment.receiptInvalid", Registration.RECEIPT_LENGTH);
        }
        if (amount == null) {
            throw new BusinessException("payment.amountRequired");
        }
        Registration r = visible(staff, registrationId);
        ExamService.requireVersion(r.getVersion(), version);
        BigDecimal due = r.fee();
        if (amount.compareTo(due) != 0) {
            throw new BusinessException("payment.amountMismatch", due.toPlainString());
        }
        Optional<Registration> holder = registrations.findByReceipt(receipt);
        if (holder.isPresent() && !holder.get().getId().equals(r.getId())) {
            throw new BusinessException("payment.receiptTaken", receipt);
        }
        r.recordPayment(due, receipt, staff.getUsername(), now());
        flush();
        audit.record(staff.getUsername(), AuditAction.PAYMENT_RECORD, "registration", r.getId(),
                r.getRegistrationNo() + " " + r.getSnapName(), RegistrationStatus.REVIEWED.name(),
                "APPROVED; amount=" + due.toPlainString() + "; receipt=" + receipt);
        tell(r, "sms.registrationApproved", "email.registrationApproved.subject", r.getBatch().getName(),
                r.getRegistrationNo(), due.toPlainString(),
                DAY_TIME.format(r.getBatch().getSchedule().getTicketPrintStart()));
        return r;
    }

    /**
     * 批量审核通过: every 待审核 registration the filter selects (in the caller's scope), at most
     * {@link #MAX_BULK}. Returns how many were passed.
     */
    public int passAll(@NotNull String username, @NotNull ReviewFilter filter) {
        StaffAccount staff = guard.require(username, "review.passAll", REVIEWERS);
        ReviewFilter submitted = scoped(staff, filter).withStatus(RegistrationStatus.SUBMITTED);
        if (filter.status() != null && filter.status() != RegistrationStatus.SUBMITTED) {
            return 0;
        }
        List<Long> ids = registrations.ids(submitted, MAX_BULK);
        for (Long id : ids) {
            passOne(staff, registrations.find(id).orElseThrow(), AuditAction.REVIEW_BULK_PASS);
        }
        return ids.size();
    }

    /** The photo taken into the registration at submission. */
    public Optional<byte[]> photo(@NotNull String username, @NotNull Long registrationId) {
        StaffAccount staff = guard.require(username, "review.photo", REVIEWERS);
        return Optional.ofNullable(visible(staff, registrationId).getSnapPhoto());
    }

    /** The candidate's uploaded ID card or diploma scan, for checking against the originals on site. */
    public Optional<byte[]> scan(@NotNull String username, @NotNull Long registrationId, @NotNull ImageKind kind) {
        StaffAccount staff = guard.require(username, "review.scan", REVIEWERS);
        Registration r = visible(staff, registrationId);
        if (kind == ImageKind.PHOTO) {
            return Optional.ofNullable(r.getSnapPhoto());
        }
        return images.find(r.getCandidate(), kind).map(i -> i.toUploadedImage().bytes());
    }

    /** The 报名表 PDF exactly as the candidate printed it. */
    public byte[] formPdf(@NotNull String username, @NotNull Long registrationId) {
        StaffAccount staff = guard.require(username, "review.form", REVIEWERS);
        Registration r = visible(staff, registrationId);
        r.getPositions().size();
        return forms.render(r);
    }

    /** The filtered list as xlsx, ID numbers masked; the export is logged (it holds personal data). */
    public byte[] export(@NotNull String username, @NotNull ReviewFilter filter, @NotNull List<String> headers) {
        StaffAccount staff = guard.require(username, "review.export", REVIEWERS);
        ReviewFilter scoped = scoped(staff, filter);
        List<List<Object>> rows = new ArrayList<>();
        for (Registration r : registrations.search(scoped, 0, MAX_BULK)) {
            rows.add(List.of(r.getRegistrationNo(), nullToEmpty(r.getSnapName()),
                    IdNumber.mask(r.getCandidate().getIdNumber()), r.getBatch().getName(),
                    r.getBatchSite().getSite().getName(),
                    String.join("、", r.getPositions().stream().map(p -> p.getCode() + " " + p.getName()).toList()),
                    RegistrationForms.STATUS_LABELS.get(r.getStatus()), r.getSubmittedAt(),
                    r.getPaidAmount() == null ? "" : r.getPaidAmount(), nullToEmpty(r.getReceiptNo()),
                    nullToEmpty(r.getRejectReason())));
        }
        audit.record(staff.getUsername(), AuditAction.EXPORT, "registration", null, "报名审核列表 " + rows.size() + " 行",
                null, scoped.toString());
        return XlsxTable.write("报名审核", headers, rows);
    }

    private void passOne(StaffAccount staff, Registration r, AuditAction action) {
        r.review(staff.getUsername(), now());
        flush();
        audit.record(staff.getUsername(), action, "registration", r.getId(),
                r.getRegistrationNo() + " " + r.getSnapName(), RegistrationStatus.SUBMITTED.name(), r.getStatus().name());
        tell(r, "sms.registrationReviewed", "email.registrationReviewed.subject", r.getBatch().getName(),
                r.getRegistrationNo(), DAY_TIME.format(r.getBatch().getSchedule().getPaymentEnd()),
                r.getBatchSite().getSite().getName());
    }

    /** Drafts are the candidate's own business; another site's registration does not exist for a site admin. */
    private Registration visible(StaffAccount staff, Long registrationId) {
        Registration r = registrations.find(registrationId)
                .filter(found -> found.getStatus() != RegistrationStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("registration.notFound"));
        Long scope = StaffGuard.siteScope(staff);
        if (scope != null && !scope.equals(r.getBatchSite().getSite().getId())) {
            guard.deny(staff.getUsername(), "registration of another site", registrationId);
            throw new NotFoundException("registration.notFound");
        }
        return r;
    }

    private static ReviewFilter scoped(StaffAccount staff, ReviewFilter filter) {
        Long scope = StaffGuard.siteScope(staff);
        return scope == null ? filter : filter.withSite(scope);
    }

    private void tell(Registration r, String smsKey, String subjectKey, Object... arguments) {
        String text = NotificationTexts.text(smsKey, arguments);
        if (r.getSnapMobile() != null) {
            notifications.sms(r.getSnapMobile(), text);
        }
        if (r.getSnapEmail() != null) {
            notifications.email(r.getSnapEmail(), NotificationTexts.text(subjectKey), text);
        }
    }

    private void flush() {
        try {
            registrations.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException();
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
