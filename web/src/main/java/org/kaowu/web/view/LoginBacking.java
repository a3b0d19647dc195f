package org.kaowu.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.AccountService;
import org.kaowu.web.security.Login;
import org.kaowu.web.security.captcha.CaptchaInput;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** {@code /login} — 用户登录 for candidates (manual section 2). */
@Named
@RequestScoped
public class LoginBacking {

    static final String CAPTCHA_FORM = "login";
    /** Where a candidate lands after login; the profile page sends incomplete profiles onwards itself. */
    static final String CANDIDATE_HOME = "/candidate/profile";

    @EJB
    private AccountService accounts;
    @Inject
    private CaptchaInput captchaInput;
    @Inject
    private Login login;

    private String idNumber;
    private String password;
    /** Where to go after login: ?next= on the GET, the form's hidden field on the POST (which sets it again). */
    private String next;

    @PostConstruct
    void readNext() {
        next = Faces.getRequestParameter("next");
    }

    public void logIn() {
        if (!captchaInput.passed(CAPTCHA_FORM)) {
            return;
        }
        try {
            login.finish(accounts.authenticate(idNumber, Requests.chars(password), Requests.clientAddress()),
                    next, CANDIDATE_HOME);
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
