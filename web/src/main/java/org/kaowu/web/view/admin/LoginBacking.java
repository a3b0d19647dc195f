package org.kaowu.web.view.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.web.security.Login;

/**
 * {@code /admin/login} — staff login (省中心管理员, 考点管理员, 操作员). The POST is decided by
 * {@link org.kaowu.web.security.LoginFilter}; this bean holds what the page shows again after a refusal.
 */
@Named("adminLoginBacking")
@RequestScoped
public class LoginBacking {

    @Inject
    private Login login;

    private String username;
    private String password;
    private String next;

    public void logIn() {
        login.showRefusal();
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
