package org.kaowu.web.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.AccountService;
import org.kaowu.web.security.captcha.CaptchaInput;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** {@code /register} — 用户注册 (manual section 1). */
@Named
@RequestScoped
public class RegisterBacking {

    static final String CAPTCHA_FORM = "register";

    @EJB
    private AccountService accounts;
    @Inject
    private CaptchaInput captchaInput;

    private String idNumber;
    private String password;
    private String confirmation;
    private boolean termsAccepted;
    private boolean noticeAccepted;

    public void register() {
        if (!captchaInput.passed(CAPTCHA_FORM)) {
            return;
        }
        if (!termsAccepted || !noticeAccepted) {
            Messages.addGlobalError("register.termsRequired");
            return;
        }
        try {
            accounts.register(idNumber, Requests.chars(password), Requests.chars(confirmation), Requests.clientAddress());
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            return;
        }
        Messages.addFlashGlobalInfo("register.success");
        Faces.redirect(Faces.getRequestContextPath() + "/login");
    }

    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    public boolean isTermsAccepted() { return termsAccepted; }
    public void setTermsAccepted(boolean termsAccepted) { this.termsAccepted = termsAccepted; }
    public boolean isNoticeAccepted() { return noticeAccepted; }
    public void setNoticeAccepted(boolean noticeAccepted) { this.noticeAccepted = noticeAccepted; }
}
