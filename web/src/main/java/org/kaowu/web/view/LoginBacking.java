package org.kaowu.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.web.security.Login;
import org.omnifaces.util.Faces;

/**
 * {@code /login} (用户登录, manual section 2) and {@code /admin/login} (staff: 省中心管理员, 考点管理员, 操作员). Their
 * POSTs are decided by {@link org.kaowu.web.security.LoginFilter}; this bean holds what a page shows again after a
 * refusal: the account (ID number or user name) and where to go afterwards.
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    private Login login;

    private String account;
    private String password;
    /** Where to go after login: ?next= on the GET, the form's hidden field on the POST (which sets it again). */
    private String next;

    @PostConstruct
    void readNext() {
        next = Faces.getRequestParameter("next");
    }

    public void logIn() {
        login.showRefusal();
    }

    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
