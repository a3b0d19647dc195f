package org.kaowu.web.view.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.service.AuthenticatedCaller;
import org.kaowu.service.Result;
import org.kaowu.service.StaffService;
import org.kaowu.web.security.Login;
import org.kaowu.web.security.captcha.CaptchaInput;
import org.kaowu.web.security.captcha.CaptchaStore;
import org.kaowu.web.view.Requests;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** {@code /admin/login} — staff login (省中心管理员, 考点管理员, 操作员). */
@Named("adminLoginBacking")
@RequestScoped
public class LoginBacking {

    static final String CAPTCHA_FORM = "adminlogin";
    static final String ADMIN_HOME = "/admin/";

    @EJB
    private StaffService staff;
    @Inject
    private CaptchaStore captchas;
    @Inject
    private CaptchaInput captchaInput;
    @Inject
    private Login login;

    private String username;
    private String password;
    private String next;

    public void logIn() {
        if (!captchas.verify(CAPTCHA_FORM, captchaInput.getValue())) {
            Messages.addGlobalError("captcha.wrong");
            return;
        }
        Result<AuthenticatedCaller> result = staff.authenticate(username, Requests.chars(password), Requests.clientAddress());
        if (!result.isOk()) {
            Messages.addGlobalError(result.messageKey(), result.arguments());
            return;
        }
        if (!login.logIn(result.value().orElseThrow())) {
            Messages.addGlobalError("login.staffFailed");
            return;
        }
        String target = Login.safeNext(next, ADMIN_HOME);
        Faces.redirect(Faces.getRequestContextPath() + (target.startsWith("/admin/") ? target : ADMIN_HOME));
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
