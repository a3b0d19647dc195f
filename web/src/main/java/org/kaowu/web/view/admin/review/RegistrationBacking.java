package org.kaowu.web.view.admin.review;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.candidate.IdNumber;
import org.kaowu.domain.registration.Registration;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.ConflictException;
import org.kaowu.service.ReviewService;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * {@code /admin/registration?id=N} — one registration under review: the snapshot the candidate submitted, the
 * photo and scans, the 报名表, and 审核通过 / 审核不通过 (with a reason) / 现场缴费 (amount and receipt). Each
 * action sends the version shown, so acting on a registration somebody changed meanwhile is refused; the page
 * then reloads what is current.
 */
@Named("adminRegistrationBacking")
@ViewScoped
public class RegistrationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ReviewService reviews;
    @Inject
    private SecurityContext security;

    private Long id;
    private Registration registration;
    private String reason;
    private BigDecimal amount;
    private String receiptNo;

    /** f:viewAction: an unknown id, a draft or another site's registration shows "not found" on the list. */
    public void load() {
        try {
            if (id == null) {
                throw new BusinessException("registration.notFound");
            }
            registration = reviews.registration(caller(), id);
            amount = registration.fee();
        } catch (BusinessException e) {
            Messages.addFlashGlobalError(e.getMessageKey(), e.getArguments());
            Faces.redirect(Faces.getRequestContextPath() + "/admin/review");
        }
    }

    public void pass() {
        act(() -> reviews.pass(caller(), id, registration.getVersion()), "admin.registration.passed");
    }

    public void reject() {
        act(() -> reviews.reject(caller(), id, registration.getVersion(), reason), "admin.registration.rejected");
    }

    public void recordPayment() {
        act(() -> reviews.recordPayment(caller(), id, registration.getVersion(), amount, receiptNo),
                "admin.registration.paid");
    }

    private void act(java.util.function.Supplier<Registration> action, String doneKey) {
        try {
            registration = action.get();
            registration = reviews.registration(caller(), id);
            reason = null;
            receiptNo = null;
            Messages.addGlobalInfo(doneKey);
        } catch (ConflictException e) {
            Messages.addGlobalError(e.getMessageKey());
            registration = reviews.registration(caller(), id);
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public String getMaskedIdNumber() {
        return registration == null ? "" : IdNumber.mask(registration.getCandidate().getIdNumber());
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Registration getRegistration() { return registration; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getReceiptNo() { return receiptNo; }
    public void setReceiptNo(String receiptNo) { this.receiptNo = receiptNo; }
}
