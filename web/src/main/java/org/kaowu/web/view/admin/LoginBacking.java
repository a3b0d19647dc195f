package org.kaowu.web.view.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.service.StaffService;
import org.kaowu.web.security.Login;
import org.kaowu.web.security.captcha.CaptchaInput;
import org.kaowu.web.view.Requests;

/** {@code /admin/login} — staff login (省中心管理员, 考点管理员, 操作员). */
@Named("adminLoginBacking")
@RequestScoped
public class LoginBacking {

    static final String CAPTCHA_FORM = "adminlogin";
    static final String ADMIN_HOME = "/admin/";

    @EJB
    private StaffService staff;
    @Inject
    private CaptchaInput captchaInput;
    @Inject
    private Login login;

    private String username;
    private String password;
    private String next;

    public void logIn() {
        if (!captchaInput.passed(CAPTCHA_FORM)) {
            return;
        }
        login.finish(staff.authenticate(username, Requests.chars(password), Requests.clientAddress()), next, ADMIN_HOME);
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
