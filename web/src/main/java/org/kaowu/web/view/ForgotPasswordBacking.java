package org.kaowu.web.view;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.AccountService;
import org.kaowu.service.Result;
import org.kaowu.web.security.SessionRegistry;
import org.kaowu.web.security.captcha.CaptchaInput;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.Serializable;

/**
 * {@code /forgot-password} — 用户密码找回 (manual section 9): ID number + the profile's mobile number →
 * 发送 an SMS code → 下一步 → a new password. All the account's sessions end afterwards.
 */
@Named
@ViewScoped
public class ForgotPasswordBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String CAPTCHA_FORM = "reset";

    /** The wizard's steps. */
    public enum Step { REQUEST, CODE, PASSWORD }

    @EJB
    private AccountService accounts;
    @Inject
    private CaptchaInput captchaInput;
    @Inject
    private SessionRegistry sessions;

    private Step step = Step.REQUEST;
    private String idNumber;
    private String mobile;
    private String code;
    private String ticket;
    private String password;
    private String confirmation;

    /** 发送 */
    public void send() {
        if (!captchaInput.passed(CAPTCHA_FORM)) {
            return;
        }
        try {
            accounts.sendResetCode(idNumber, mobile, Requests.clientAddress());
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            return;
        }
        step = Step.CODE;
        Messages.addGlobalInfo("reset.sent");
    }

    /** 下一步 */
    public void verify() {
        Result<String> result;
        try {
            result = accounts.verifyResetCode(idNumber, code);
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            return;
        }
        if (!result.isOk()) {
            Messages.addGlobalError(result.messageKey(), result.arguments());
            return;
        }
        ticket = result.value().orElseThrow();
        step = Step.PASSWORD;
    }

    /** 确定 */
    public void reset() {
        String account;
        try {
            account = accounts.resetPassword(ticket, Requests.chars(password), Requests.chars(confirmation));
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            return;
        }
        sessions.endAll(account);
        Messages.addFlashGlobalInfo("reset.done");
        Faces.redirect(Faces.getRequestContextPath() + "/login");
    }

    /** Back to the first step, e.g. to ask for a new code. */
    public void restart() {
        step = Step.REQUEST;
        code = null;
    }

    public Step getStep() { return step; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
